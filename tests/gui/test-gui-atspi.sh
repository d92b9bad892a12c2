#!/usr/bin/env bash
# A clinician's walk-through driven through the accessibility tree (AT-SPI):
# test-gui-atspi.sh STRIDE_BINARY WALKTHROUGH_PY BUILD_DIR
# Starts a private D-Bus session with the accessibility bus, turns toolkit
# accessibility on, runs the built app uninstalled on a temporary database,
# then walkthrough.py with the system python3 and dogtail. Anything missing
# (dbus-run-session, at-spi2-core, python3-dogtail, a display) is a failure.
set -euo pipefail
app=$1 script=$2 builddir=$3

need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is missing ($2)" >&2; exit 1; }; }
need dbus-run-session "Debian package dbus"
need gsettings "Debian package libglib2.0-bin"
[ -x /usr/bin/python3 ] || { echo "FAIL: /usr/bin/python3 is missing" >&2; exit 1; }
/usr/bin/python3 -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("dogtail") is None)' \
  || { echo "FAIL: dogtail is missing (Debian package python3-dogtail)" >&2; exit 1; }
[ -e /usr/share/dbus-1/services/org.a11y.Bus.service ] \
  || { echo "FAIL: the accessibility bus is missing (Debian package at-spi2-core)" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "FAIL: no display (run under xvfb-run)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
  XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export GSETTINGS_SCHEMA_DIR=$builddir/data STRIDE_LOCALEDIR=$builddir/po
export STRIDE_A11Y_DUMP_DIR=${STRIDE_A11Y_DUMP_DIR:-$builddir/meson-logs/a11y}
mkdir -p "$STRIDE_A11Y_DUMP_DIR"
# The walk-through reads English names.
export LANGUAGE=en LC_ALL=C.UTF-8
unset GSETTINGS_BACKEND

exec dbus-run-session -- bash -c '
  set -euo pipefail
  gsettings set org.gnome.desktop.interface toolkit-accessibility true
  [ "$(gsettings get org.gnome.desktop.interface toolkit-accessibility)" = true ] \
    || { echo "FAIL: toolkit-accessibility did not stick (dconf-gsettings-backend?)" >&2; exit 1; }
  G_DEBUG=fatal-criticals GTK_A11Y=atspi "$0" --db "$HOME/patients.db" &
  pid=$!
  status=0
  timeout 900 /usr/bin/python3 "$1" || status=$?
  if ! kill -0 $pid 2>/dev/null; then
    wait $pid || true
    echo "FAIL: Stride exited during the walk-through" >&2
    status=1
  else
    kill $pid; wait $pid || true
  fi
  exit $status' "$app" "$script"
