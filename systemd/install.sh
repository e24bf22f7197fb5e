#!/usr/bin/env bash
# Installs or upgrades cmt-kiosk from a checkout: builds the Debian package when the sources are newer than it,
# installs it with apt (which keeps the site config, site scripts and journal), and adds the offline voice model
# (and, on 64-bit ARM, the Vosk library) with pinned checksums.
#
#   sudo systemd/install.sh             install or upgrade (safe to run again)
#   sudo systemd/install.sh --no-voice  without the voice model
#   systemd/install.sh --dry-run        prints every step, changes nothing, needs no root
#
# It never deletes site data: /etc/cmt-kiosk and /var/lib/cmt-kiosk are only ever touched by the package.
set -euo pipefail

VOICE_DIR=/usr/local/share/cmt-kiosk
NATIVE_DIR=/usr/local/lib/cmt-kiosk
SERVICE_USER=cmt-kiosk

MODEL=vosk-model-small-en-us-0.15
MODEL_URL="https://alphacephei.com/vosk/models/${MODEL}.zip"
MODEL_SHA256=30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498
VOSK_LIB=vosk-linux-aarch64-0.3.45
VOSK_URL="https://github.com/alphacep/vosk-api/releases/download/v0.3.45/${VOSK_LIB}.zip"
VOSK_SHA256=45e59d37755ddb07568e79497d7feba8c03aee5a9e071df29961aa023fd94541

DRY_RUN=0
VOICE=1
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  echo "usage: $0 [--dry-run] [--no-voice]" >&2
  exit 2
}

# Runs a command, or only shows it in a dry run.
run() {
  if [[ $DRY_RUN -eq 1 ]]; then
    echo "+ $*"
  else
    "$@"
  fi
}

say() {
  echo "== $*"
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

check_platform() {
  if [[ -r /etc/os-release ]] && ! grep -qE '^VERSION_CODENAME=(bookworm|trixie|forky)' /etc/os-release; then
    echo "Warning: written for Debian or Raspberry Pi OS 12 (bookworm) or later." >&2
  fi
  if [[ $DRY_RUN -eq 0 && $EUID -ne 0 ]]; then
    die "run as root (sudo $0), or with --dry-run to see the steps"
  fi
}

# The newest package in target/, or nothing.
built_package() {
  find "${SOURCE}/target" -maxdepth 1 -name 'cmt-kiosk_*_all.deb' -printf '%T@ %p\n' 2>/dev/null \
    | sort -n | tail -n 1 | cut -d' ' -f2-
}

# True when no package is built yet or any source file is newer than it (after a 'git pull', say).
needs_build() {
  local deb
  deb="$(built_package)"
  [[ -z "$deb" ]] && return 0
  [[ -n "$(find "${SOURCE}/pom.xml" "${SOURCE}/src" "${SOURCE}/scripts" "${SOURCE}/config" "${SOURCE}/systemd" \
    -newer "$deb" -type f -print -quit 2>/dev/null)" ]]
}

# Maven runs as the user who called sudo, so target/ stays theirs.
maven() {
  if [[ -n "${SUDO_USER:-}" && "${SUDO_USER}" != root ]]; then
    run runuser -u "$SUDO_USER" -- "$@"
  else
    run "$@"
  fi
}

build() {
  say "The Debian package"
  if needs_build; then
    if ! command -v javac >/dev/null; then
      run apt-get update
      run apt-get install -y --no-install-recommends default-jdk-headless
    fi
    maven "${SOURCE}/mvnw" -q -f "${SOURCE}/pom.xml" package -DskipTests
  else
    echo "Up to date: $(built_package)"
  fi
}

# apt resolves Java and the other dependencies. An edited site config is kept; new defaults, if any, are put
# beside it as cmt-kiosk.yaml.dpkg-dist.
install_package() {
  say "Installing the package (config, site scripts and journal are kept)"
  local deb
  deb="$(built_package)"
  if [[ -z "$deb" ]]; then
    deb="${SOURCE}/target/cmt-kiosk_VERSION_all.deb"
  fi
  run apt-get install -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$deb"
  if [[ -f /etc/systemd/system/cmt-kiosk.service ]] && grep -q /opt/cmt-kiosk /etc/systemd/system/cmt-kiosk.service; then
    echo "Note: /etc/systemd/system/cmt-kiosk.service is from the old installer and hides the package's unit."
    run mv /etc/systemd/system/cmt-kiosk.service /etc/systemd/system/cmt-kiosk.service.old-installer
    run systemctl daemon-reload
    run systemctl restart cmt-kiosk.service
  fi
  if [[ -d /opt/cmt-kiosk ]]; then
    echo "Note: /opt/cmt-kiosk is from the old installer and is no longer used. Copy any edited practices to"
    echo "      /etc/cmt-kiosk/scripts, check /etc/cmt-kiosk/cmt-kiosk.yaml, then remove /opt/cmt-kiosk."
  fi
}

# Downloads $1 to $2 unless a file with the pinned SHA-256 $3 is already there; refuses any mismatch.
fetch() {
  local url="$1" dest="$2" sha="$3"
  if [[ -f "$dest" ]] && echo "${sha}  ${dest}" | sha256sum --check --status; then
    echo "Already downloaded and verified: $dest"
    return
  fi
  run curl -fL --retry 3 -o "${dest}.part" "$url"
  if [[ $DRY_RUN -eq 1 ]]; then
    echo "+ verify sha256 ${sha}"
    return
  fi
  if ! echo "${sha}  ${dest}.part" | sha256sum --check --status; then
    rm -f "${dest}.part"
    die "checksum mismatch for $url — refusing to install it (expected sha256 $sha)"
  fi
  mv "${dest}.part" "$dest"
}

install_voice() {
  say "Offline voice model in ${VOICE_DIR} (pinned SHA-256)"
  if ! command -v unzip >/dev/null || ! command -v curl >/dev/null; then
    run apt-get install -y --no-install-recommends unzip curl ca-certificates
  fi
  run install -d -m 0755 "$VOICE_DIR"
  fetch "$MODEL_URL" "$VOICE_DIR/${MODEL}.zip" "$MODEL_SHA256"
  if [[ ! -d "$VOICE_DIR/${MODEL}/am" ]]; then
    run unzip -q -o "$VOICE_DIR/${MODEL}.zip" -d "$VOICE_DIR"
  fi
  if [[ "$(uname -m)" == aarch64 || $DRY_RUN -eq 1 ]]; then
    say "Vosk library for 64-bit ARM in ${NATIVE_DIR} (the Maven jar carries only x86-64)"
    run install -d -m 0755 "$NATIVE_DIR"
    fetch "$VOSK_URL" "$NATIVE_DIR/${VOSK_LIB}.zip" "$VOSK_SHA256"
    run unzip -q -o -j "$NATIVE_DIR/${VOSK_LIB}.zip" "${VOSK_LIB}/libvosk.so" -d "$NATIVE_DIR"
  fi
  run systemctl try-restart cmt-kiosk.service
}

doctor() {
  say "Checking the installation"
  run runuser -u "$SERVICE_USER" -- cmt-kiosk doctor || true
}

main() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --dry-run) DRY_RUN=1 ;;
      --no-voice) VOICE=0 ;;
      *) usage ;;
    esac
    shift
  done
  check_platform
  build
  install_package
  if [[ $VOICE -eq 1 ]]; then install_voice; fi
  doctor
  say "Done. The kiosk runs as the cmt-kiosk service: 'systemctl status cmt-kiosk', 'journalctl -u cmt-kiosk'."
}

main "$@"
