#!/usr/bin/env bash
# `npm run setup:bench`: builds test/bench/vale/bin/vale-regexp2, the program that times Vale's own
# regular-expression engine (github.com/dlclark/regexp2, RE2 mode) for `npm run bench`.
#
# Installs Debian's Go (golang-go) and regexp2 sources (golang-github-dlclark-regexp2-dev) with
# apt-get when they are missing (needs root or sudo), then compiles main.go fully offline: GOPATH
# mode against /usr/share/gocode, where Debian puts Go library sources, no module proxy, no
# download. Idempotent; the build itself takes a few seconds. `npm run bench` works without the
# binary and says that this engine was not measured.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN_DIR=$HERE/bin
BIN=$BIN_DIR/vale-regexp2
GOCODE=/usr/share/gocode
REGEXP2_PKG=golang-github-dlclark-regexp2-dev

need_apt=()
for pkg in golang-go "$REGEXP2_PKG"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
      echo "bench tools: ${need_apt[*]} missing and not root; install them with apt-get as root." >&2
      exit 1
    fi
  fi
  echo "bench tools: installing ${need_apt[*]} with apt-get"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! grep -q 'RE2 ' "$GOCODE/src/github.com/dlclark/regexp2/regexp.go"; then
  echo "bench tools: this regexp2 has no RE2 option; main.go needs it" >&2
  exit 1
fi

regexp2_version=$(dpkg-query -W -f='${Version}' "$REGEXP2_PKG")
mkdir -p "$BIN_DIR"
# GOPATH mode: imports resolve under $GOCODE/src and nothing is fetched (no modules, GOPROXY=off).
(
  cd "$HERE"
  GO111MODULE=off GOPATH=$GOCODE GOPROXY=off GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0 \
    go build -trimpath -ldflags "-X main.regexp2Version=v${regexp2_version%%+*}" -o "$BIN" .
)
echo "bench tools: built $BIN ($(go version | cut -d' ' -f3), regexp2 ${regexp2_version})"
