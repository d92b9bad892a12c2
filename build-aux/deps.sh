# Debian packages Stride needs, and a helper that installs only the missing
# ones. Sourced by build-aux/run and build-aux/test.

STRIDE_BUILD_PACKAGES=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libxml2-utils libsqlite3-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  librsvg2-common fonts-open-sans fonts-noto-core libfontconfig-dev
)

STRIDE_TEST_PACKAGES=(
  xvfb xauth poppler-utils python3 locales dbus
  at-spi2-core python3-dogtail dconf-gsettings-backend gsettings-desktop-schemas libglib2.0-bin
)

# Prints the packages of "$@" that dpkg does not have installed.
stride_missing_packages() {
  local pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || printf '%s\n' "$pkg"
  done
}

# Installs the missing packages of "$@", non-interactively; does nothing (and
# asks apt nothing) when all are there.
stride_ensure_packages() {
  local missing sudo=()
  mapfile -t missing < <(stride_missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "build-aux: run as root or install sudo to get: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  echo "build-aux: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Generates the locales given (e.g. de_DE.UTF-8) that are not yet available.
stride_ensure_locales() {
  local loc have want=() sudo=()
  # Read the list once: grep -q closing a pipe early trips `set -o pipefail`.
  have=$(locale -a 2>/dev/null || true)
  for loc in "$@"; do
    grep -qix "${loc/UTF-8/utf8}" <<<"$have" || want+=("$loc")
  done
  [ "${#want[@]}" -eq 0 ] && return 0
  # locale-gen and /etc/locale.gen come with the locales package; a fresh
  # Debian has neither.
  if [ ! -f /etc/locale.gen ] || ! command -v locale-gen >/dev/null; then
    stride_ensure_packages locales || return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  for loc in "${want[@]}"; do
    "${sudo[@]}" sed -i "s/^# *\(${loc} UTF-8\)/\1/" /etc/locale.gen
    grep -q "^${loc} UTF-8" /etc/locale.gen || echo "${loc} UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
  done
  "${sudo[@]}" locale-gen >/dev/null
}

# Configures (once) and builds the tree in $1 with the meson options that follow.
stride_build() {
  local builddir=$1; shift
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" "$@" >/dev/null
  else
    meson setup "$builddir" "$@"
  fi
  meson compile -C "$builddir" -j 2
}
