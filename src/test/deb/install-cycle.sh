#!/usr/bin/env bash
# Installs, upgrades, removes and purges a cmt-kiosk .deb in a throwaway root, checking that upgrades keep the
# site config, site scripts and journal and that only purge deletes state. This machine is never changed:
# dpkg --root works on a temporary tree inside a private mount namespace, whose /usr is an overlay of this
# machine's /usr (so the maintainer scripts find sh, adduser and deb-systemd-helper) with every write going to a
# temporary upper layer. Needs root, dpkg, unshare and overlayfs; PackageIT runs it when they are there.
#
#   sudo src/test/deb/install-cycle.sh target/cmt-kiosk_*_all.deb
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

ok() {
  echo "ok: $*"
}

# Outside the namespace: make the work folder, run this script again inside a new mount namespace, clean up.
outside() {
  local deb work status=0
  deb="$(realpath "$1")"
  [[ $EUID -eq 0 ]] || fail "run as root (dpkg --root and mounts need it)"
  work="$(mktemp -d /tmp/cmt-kiosk-cycle.XXXXXX)"
  CYCLE_INSIDE=1 unshare --mount --propagation private "$0" "$deb" "$work" || status=$?
  # The namespace is gone, and its mounts with it; only then is the folder removed.
  if findmnt -rn -o TARGET | grep -q "^${work}"; then
    fail "something is still mounted under $work; not removing it"
  fi
  rm -rf --one-file-system "$work"
  exit "$status"
}

make_root() {
  local root="$1" work="$2"
  mkdir -p "$root"/{usr,etc/systemd/system,var/lib/dpkg/info,var/lib/dpkg/updates,var/log,tmp,run,dev} \
    "$work"/usr-upper "$work"/usr-work
  mount -t overlay overlay -o "lowerdir=/usr,upperdir=$work/usr-upper,workdir=$work/usr-work" "$root/usr"
  for d in bin sbin lib lib64; do
    if [[ -e /usr/$d ]]; then ln -s "usr/$d" "$root/$d"; fi
  done
  touch "$root/dev/null"
  mount --bind /dev/null "$root/dev/null"
  chmod 1777 "$root/tmp"
  touch "$root/var/lib/dpkg/status"
  # A tiny user database: an audio group but no gpio group, as on a kiosk PC.
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' \
    > "$root/etc/passwd"
  printf 'root:x:0:\naudio:x:29:\nnogroup:x:65534:\n' > "$root/etc/group"
  printf 'root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n' > "$root/etc/shadow"
  printf 'root:*::\naudio:*::\nnogroup:*::\n' > "$root/etc/gshadow"
  chmod 0640 "$root/etc/shadow" "$root/etc/gshadow"
  if [[ -f /etc/login.defs ]]; then cp /etc/login.defs "$root/etc/"; fi
}

# A copy of the package with a higher version; with "changed-config", its shipped config differs too.
newer_package() {
  local deb="$1" out="$2" suffix="$3" change="$4" tree
  tree="$(dirname "$out")/tree$suffix"
  dpkg-deb -R "$deb" "$tree"
  sed -i "s/^Version: \(.*\)$/Version: \1$suffix/" "$tree/DEBIAN/control"
  if [[ "$change" == changed-config ]]; then
    echo "# A new default in a newer build." >> "$tree/etc/cmt-kiosk/cmt-kiosk.yaml"
  fi
  dpkg-deb --root-owner-group -Zgzip -z1 -b "$tree" "$out" >/dev/null
  rm -rf "$tree"
}

inside() {
  local deb="$1" work="$2" root dpkg
  root="$work/root"
  make_root "$root" "$work"
  dpkg=(dpkg --root="$root" --force-depends)
  local conf="$root/etc/cmt-kiosk/cmt-kiosk.yaml" journal="$root/var/lib/cmt-kiosk/journal/sessions.jsonl"
  local site="$root/etc/cmt-kiosk/scripts/our-ward.yaml"

  "${dpkg[@]}" -i "$deb" || fail "first install"
  [[ -x "$root/usr/bin/cmt-kiosk" ]] || fail "no /usr/bin/cmt-kiosk"
  [[ -f "$root/usr/share/cmt-kiosk/cmt-kiosk.jar" ]] || fail "no jar"
  grep -q '^cmt-kiosk:' "$root/etc/passwd" || fail "no cmt-kiosk user"
  grep -q '^audio:x:29:cmt-kiosk$' "$root/etc/group" || fail "cmt-kiosk is not in the audio group"
  if grep -q '^gpio:' "$root/etc/group"; then fail "a gpio group was created"; fi
  local uid
  uid="$(awk -F: '$1 == "cmt-kiosk" { print $3 }' "$root/etc/passwd")"
  [[ "$(stat -c '%u %a' "$root/var/lib/cmt-kiosk/journal")" == "$uid 700" ]] \
    || fail "journal folder is $(stat -c '%u %a' "$root/var/lib/cmt-kiosk/journal"), not $uid (cmt-kiosk) 700"
  [[ -L "$root/etc/systemd/system/multi-user.target.wants/cmt-kiosk.service" ]] || fail "service not enabled"
  ok "installed: files, user in audio only, journal folder 0700, service enabled"

  sed -i 's/^  retention_days: .*/  retention_days: 30/' "$conf"
  echo "# edited by the ward" >> "$conf"
  echo "id: our-ward" > "$site"
  echo '{"session":"s1","start":"2026-11-01T10:00:00Z"}' > "$journal"

  newer_package "$deb" "$work/v2.deb" "+1" same-config
  "${dpkg[@]}" -i "$work/v2.deb" || fail "upgrade"
  grep -q '^# edited by the ward$' "$conf" || fail "the upgrade lost the config edit"
  [[ -f "$site" && -f "$journal" ]] || fail "the upgrade lost the site script or the journal"
  [[ "$(grep -c '^cmt-kiosk:' "$root/etc/passwd")" == 1 ]] || fail "the upgrade made a second user"
  ok "upgrade keeps the edited config, the site script and the journal"

  newer_package "$deb" "$work/v3.deb" "+2" changed-config
  "${dpkg[@]}" --force-confold -i "$work/v3.deb" || fail "upgrade with a changed shipped config"
  grep -q '^# edited by the ward$' "$conf" || fail "the upgrade replaced the edited config"
  [[ -f "$conf.dpkg-dist" ]] || fail "the new shipped config was not left beside it as .dpkg-dist"
  ok "upgrade with new defaults keeps the edited config (new one in cmt-kiosk.yaml.dpkg-dist)"

  "${dpkg[@]}" -r cmt-kiosk || fail "remove"
  [[ ! -e "$root/usr/bin/cmt-kiosk" ]] || fail "remove left the program"
  [[ -f "$conf" && -f "$journal" && -f "$site" ]] || fail "remove deleted config, journal or site script"
  ok "remove keeps config, journal and site scripts"

  "${dpkg[@]}" -P cmt-kiosk || fail "purge"
  [[ ! -e "$conf" ]] || fail "purge left the config"
  [[ ! -e "$root/var/lib/cmt-kiosk" && ! -e "$root/var/cache/cmt-kiosk" ]] || fail "purge left the journal or cache"
  [[ -f "$site" ]] || fail "purge deleted the site's own practice"
  [[ ! -e "$root/etc/systemd/system/multi-user.target.wants/cmt-kiosk.service" ]] || fail "purge left the service link"
  ok "purge deletes config, journal and cache, and keeps the site's own practice"
}

if [[ "${CYCLE_INSIDE:-}" == 1 ]]; then
  inside "$@"
else
  [[ $# -eq 1 ]] || { echo "usage: $0 PACKAGE.deb" >&2; exit 2; }
  outside "$1"
fi
