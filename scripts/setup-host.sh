#!/usr/bin/env bash
# Install the offline VS Code host used by `npm run test:integration`, `npm start`
# and screenshots: code-server (bundles the VS Code server) + playwright-core, in
# test/host (its own package and lockfile), plus Debian's chromium and the native
# build tools code-server's dependencies need. See shared docs "testing-offline".
#
# Idempotent: a second run checks a few files and a stamp and returns in well
# under a second. Nothing is downloaded except from the npm registry and Debian.
#
# Env: DA_SETUP_FORCE=1   reinstall test/host/node_modules even if the stamp matches
#      DA_SKIP_APT=1      never call apt-get (fail if a package is missing)
#      DA_CHROMIUM=PATH   a Chromium other than /usr/bin/chromium (also read by vscode-host.mjs)
set -euo pipefail

say() { printf '[setup-host] %s\n' "$*"; }
die() { printf '[setup-host] ERROR: %s\n' "$*" >&2; exit 1; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST="$REPO/test/host"
NM="$HOST/node_modules"
STAMP="$NM/.setup-stamp"
START=$SECONDS

# ---------------------------------------------------------------- Debian packages
DEBS=(chromium libkrb5-dev ripgrep pkg-config g++ make python3)
# A CJK font, so that Chinese statements render in screenshots (Chromium draws boxes without
# one); not needed when fontconfig already has a Chinese font (e.g. fonts-wqy-microhei).
if ! { command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh family 2>/dev/null)" ]]; }; then
  DEBS+=(fonts-noto-cjk)
fi
missing=()
for p in "${DEBS[@]}"; do
  [[ -n "${DA_SKIP_APT:-}" ]] && ! command -v dpkg-query >/dev/null && break
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  [[ -n "${DA_SKIP_APT:-}" ]] && die "missing Debian packages: ${missing[*]} (DA_SKIP_APT is set)"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "missing Debian packages: ${missing[*]}; run as root or install them"
    SUDO=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt/dpkg run (parallel setups) rather than fail on its lock.
  APT=("${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300)
  # Refresh the lists only when needed: an install from a fresh image has none.
  if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}"; then
    say "apt-get install failed; running apt-get update and retrying"
    "${APT[@]}" update
    "${APT[@]}" install -y --no-install-recommends "${missing[@]}"
  fi
else
  say "Debian packages present: ${DEBS[*]}"
fi
[[ -x "${DA_CHROMIUM:-/usr/bin/chromium}" ]] || die "${DA_CHROMIUM:-/usr/bin/chromium} not found after installing chromium"
command -v rg >/dev/null || die "rg (ripgrep) not found after installing ripgrep"

# ---------------------------------------------------------------- test/host/node_modules
[[ -f "$HOST/package-lock.json" ]] || die "$HOST/package-lock.json is missing"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || die "code-server 4.100.3 needs Node 20 (its install and server refuse others); this is Node $(node --version)"
# The stamp covers the lockfile, package.json and the Node ABI (native modules).
want_stamp="$(cat "$HOST/package.json" "$HOST/package-lock.json" | sha256sum | cut -d' ' -f1) node-$(node -p 'process.versions.modules')-$(uname -m)"

# Files that exist only when every install step (incl. code-server's postinstall
# and the native builds) finished.
CS="$NM/code-server"
required=(
  "$CS/out/node/entry.js"
  "$CS/lib/vscode/out/server-main.js"
  "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  "$CS/lib/vscode/node_modules/node-pty/build/Release/pty.node"
  "$CS/lib/vscode/node_modules.asar"
  "$CS/lib/vscode/extensions/node_modules/typescript/package.json"
  "$NM/argon2/package.json"
  "$NM/playwright-core/package.json"
)
complete=1
for f in "${required[@]}"; do [[ -e "$f" ]] || { complete=0; break; }; done

if [[ -z "${DA_SETUP_FORCE:-}" && $complete == 1 && -f "$STAMP" && "$(cat "$STAMP")" == "$want_stamp" ]]; then
  say "test/host/node_modules is up to date (stamp matches package-lock.json)"
  say "done in $((SECONDS - START)) s"
  exit 0
fi

say "installing test/host with npm ci (code-server + playwright-core; about a minute, ~320 MB)"
PRIVATE_TMP="$(mktemp -d "${TMPDIR:-/tmp}/da-setup-host.XXXXXX")"
trap 'rm -rf "$PRIVATE_TMP"' EXIT

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its tarball is in
# $TMPDIR/vscode-ripgrep-cache-<pkg version>/. Seed that cache with Debian's rg.
# Versions per code-server 4.100.3's lib/vscode; extra arch names are harmless.
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10
case "$(uname -m)" in
  x86_64) rg_targets=(x86_64-unknown-linux-musl x86_64-unknown-linux-gnu) ;;
  aarch64 | arm64) rg_targets=(aarch64-unknown-linux-musl aarch64-unknown-linux-gnu) ;;
  *) rg_targets=("$(uname -m)-unknown-linux-gnu") ;;
esac
mkdir -p "$PRIVATE_TMP/rg" "$PRIVATE_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
cp "$(command -v rg)" "$PRIVATE_TMP/rg/rg"
for t in "${rg_targets[@]}"; do
  tar -C "$PRIVATE_TMP/rg" -czf "$PRIVATE_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_RELEASE-$t.tar.gz" rg
done

rm -f "$STAMP"
# Full npm output (native builds are chatty) goes to a log; the console shows
# each install script as it starts, plus warnings and errors.
LOG="${TMPDIR:-/tmp}/da-setup-host.log"
say "full npm log: $LOG"
set +e
(
  cd "$HOST"
  export TMPDIR="$PRIVATE_TMP"
  # code-server's postinstall refuses to run as root without this (npm 11 warns
  # about an unknown env config; harmless).
  export npm_config_unsafe_perm=true
  # node-pty runs `npx node-gyp`; with yes=false (as in this machine's npmrc) npx cancels.
  export npm_config_yes=true
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  # Never try to download a Playwright browser; we use /usr/bin/chromium.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  # argon2 (node-pre-gyp) and kerberos (prebuild-install) would first try to
  # fetch prebuilt binaries from GitHub; go straight to compiling them.
  export npm_config_build_from_source=true
  npm ci --no-audit --no-fund --foreground-scripts
) 2>&1 | tee "$LOG" | grep --line-buffered -E '^> [^ ]+@[^ ]+ (pre|post)?install$|^added |ERR!|^npm error|^Error|rror:' |
  grep --line-buffered -v -E 'github\.com|node-pre-gyp ERR! (install|stack|System|command|cwd|node|not ok|  )'
status=${PIPESTATUS[0]}
set -e
if [[ $status != 0 ]]; then
  tail -n 40 "$LOG" >&2
  die "npm ci in test/host failed (exit $status); full log: $LOG"
fi

for f in "${required[@]}"; do [[ -e "$f" ]] || die "install finished but $f is missing"; done
echo "$want_stamp" >"$STAMP"
say "installed test/host ($(du -sh "$NM" | cut -f1)) in $((SECONDS - START)) s"
