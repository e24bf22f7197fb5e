#!/usr/bin/env bash
# Installs or upgrades cmt-kiosk on Raspberry Pi OS (64-bit, Bookworm or later) as a hardened, offline service.
# Run from a checkout:  sudo systemd/install.sh        (safe to run again: upgrades in place)
#                       systemd/install.sh --dry-run   (prints every step, changes nothing, needs no root)
# The journal (/var/lib/cmt-kiosk) and an existing site config (/etc/cmt-kiosk/cmt-kiosk.yaml) are never touched.
set -euo pipefail

PREFIX=/opt/cmt-kiosk
ETC=/etc/cmt-kiosk
STATE=/var/lib/cmt-kiosk
CACHE=/var/cache/cmt-kiosk
SERVICE_USER=cmt-kiosk
UNIT=/etc/systemd/system/cmt-kiosk.service

MODEL=vosk-model-small-en-us-0.15
MODEL_URL="https://alphacephei.com/vosk/models/${MODEL}.zip"
MODEL_SHA256=30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498
VOSK_LIB=vosk-linux-aarch64-0.3.45
VOSK_URL="https://github.com/alphacep/vosk-api/releases/download/v0.3.45/${VOSK_LIB}.zip"
VOSK_SHA256=45e59d37755ddb07568e79497d7feba8c03aee5a9e071df29961aa023fd94541

DRY_RUN=0
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  echo "usage: $0 [--dry-run] [--print-config]" >&2
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

# The shipped config with the service's paths filled in.
site_config() {
  sed -e "s|^  directory: ../scripts$|  directory: ${PREFIX}/scripts|" \
      -e "s|^  # cache_directory: .*$|  cache_directory: ${CACHE}/speech|" \
      -e "s|^  # model: .*$|  model: ${PREFIX}/models/${MODEL}|" \
      -e "s|^  # directory: ~/.local/share/cmt-kiosk/journal$|  directory: ${STATE}/journal|" \
      "${SOURCE}/config/cmt-kiosk.yaml"
}

check_platform() {
  local arch
  arch="$(uname -m)"
  if [[ "$arch" != "aarch64" ]]; then
    echo "Warning: this is $arch, not 64-bit Raspberry Pi OS (aarch64); the Vosk library below is for aarch64." >&2
  fi
  if [[ -r /etc/os-release ]] && ! grep -qE '^VERSION_CODENAME=(bookworm|trixie|forky)' /etc/os-release; then
    echo "Warning: written for Raspberry Pi OS Bookworm or later." >&2
  fi
  if [[ $DRY_RUN -eq 0 && $EUID -ne 0 ]]; then
    die "run as root (sudo $0), or with --dry-run to see the steps"
  fi
}

install_packages() {
  say "Java 17 and tools from the OS packages"
  run apt-get update
  run apt-get install -y --no-install-recommends openjdk-17-jdk-headless unzip curl ca-certificates
}

build() {
  say "Building cmt-kiosk"
  if [[ -f "${SOURCE}/target/cmt-kiosk.jar" ]]; then
    echo "Using the jar already built in ${SOURCE}/target"
  else
    run "${SOURCE}/mvnw" -q -f "${SOURCE}/pom.xml" package -DskipTests
  fi
}

create_user() {
  say "Service user ${SERVICE_USER} (groups audio, gpio)"
  if id -u "$SERVICE_USER" >/dev/null 2>&1; then
    run usermod -a -G audio,gpio "$SERVICE_USER"
  else
    run useradd --system --home-dir "$STATE" --no-create-home --shell /usr/sbin/nologin \
      --groups audio,gpio "$SERVICE_USER"
  fi
}

install_files() {
  say "Program files in ${PREFIX} (replaced on upgrade)"
  run install -d -m 0755 "$PREFIX" "$PREFIX/lib" "$PREFIX/native" "$PREFIX/models"
  run rm -rf "$PREFIX/lib.new" "$PREFIX/scripts.new"
  run cp -r "${SOURCE}/target/lib" "$PREFIX/lib.new"
  run cp -r "${SOURCE}/scripts" "$PREFIX/scripts.new"
  run rm -rf "$PREFIX/lib" "$PREFIX/scripts"
  run mv "$PREFIX/lib.new" "$PREFIX/lib"
  run mv "$PREFIX/scripts.new" "$PREFIX/scripts"
  run install -m 0644 "${SOURCE}/target/cmt-kiosk.jar" "${SOURCE}/README.md" "$PREFIX/"
  run install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0700 "$STATE" "$STATE/journal" "$CACHE" "$CACHE/speech"
}

install_config() {
  say "Site config ${ETC}/cmt-kiosk.yaml"
  run install -d -m 0755 "$ETC"
  if [[ -f "$ETC/cmt-kiosk.yaml" ]]; then
    echo "Keeping the existing site config; the new defaults are in ${ETC}/cmt-kiosk.yaml.new for comparison."
    if [[ $DRY_RUN -eq 0 ]]; then site_config > "$ETC/cmt-kiosk.yaml.new"; fi
  elif [[ $DRY_RUN -eq 1 ]]; then
    echo "+ site_config > $ETC/cmt-kiosk.yaml"
  else
    site_config > "$ETC/cmt-kiosk.yaml"
    chmod 0644 "$ETC/cmt-kiosk.yaml"
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
  say "Vosk model and native library (pinned SHA-256)"
  fetch "$MODEL_URL" "$PREFIX/models/${MODEL}.zip" "$MODEL_SHA256"
  if [[ ! -d "$PREFIX/models/${MODEL}/am" ]]; then
    run unzip -q -o "$PREFIX/models/${MODEL}.zip" -d "$PREFIX/models"
  fi
  fetch "$VOSK_URL" "$PREFIX/native/${VOSK_LIB}.zip" "$VOSK_SHA256"
  run unzip -q -o -j "$PREFIX/native/${VOSK_LIB}.zip" "${VOSK_LIB}/libvosk.so" -d "$PREFIX/native"
}

prepare_speech() {
  say "Pre-rendering every sentence into the speech cache (a few minutes on a Pi)"
  run runuser -u "$SERVICE_USER" -- java -jar "$PREFIX/cmt-kiosk.jar" prepare --config "$ETC/cmt-kiosk.yaml"
}

install_service() {
  say "systemd service"
  run install -m 0644 "${SOURCE}/systemd/cmt-kiosk.service" "$UNIT"
  run systemctl daemon-reload
  run systemctl enable cmt-kiosk.service
  run systemctl restart cmt-kiosk.service
}

doctor() {
  say "Checking the installation"
  run runuser -u "$SERVICE_USER" -- java -Djna.library.path="$PREFIX/native" -jar "$PREFIX/cmt-kiosk.jar" \
    doctor --config "$ETC/cmt-kiosk.yaml"
}

main() {
  case "${1:-}" in
    --dry-run) DRY_RUN=1 ;;
    --print-config) site_config; return ;;
    "") ;;
    *) usage ;;
  esac
  check_platform
  install_packages
  build
  create_user
  install_files
  install_config
  install_voice
  prepare_speech
  install_service
  doctor
  say "Done. The kiosk runs as the cmt-kiosk service: 'systemctl status cmt-kiosk', 'journalctl -u cmt-kiosk'."
}

main "$@"
