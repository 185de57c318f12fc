#!/bin/sh
# vendor.sh fetches the browser libraries newsgraph serve embeds, from the
# npm registry, at pinned versions with pinned checksums, and copies only
# the files the pages load into web/vendor/. Run it from graph/server
# (go generate ./graph/server) when changing a version; the result is
# committed so that builds and the server never touch the network.
#
#   monaco-editor    the code editor Cayley's UI loads (it asks a CDN for it;
#                    the server rewrites that address to /vendor/monaco-editor)
#   material-icons   the icon font Cayley's UI imports from Google Fonts
#   cytoscape        graph drawing for the claim graph page (/graph)
set -eu

cd "$(dirname "$0")"
out=vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name version sha256-of-tarball
fetch() {
	(cd "$tmp" && npm pack --silent "$1@$2" >/dev/null)
	tgz="$tmp/$(echo "$1" | sed 's/^@//; s/\//-/')-$2.tgz"
	sum=$(sha256sum "$tgz" | cut -d' ' -f1)
	if [ "$sum" != "$3" ]; then
		echo "vendor.sh: $1@$2: sha256 $sum, want $3" >&2
		exit 1
	fi
	mkdir -p "$tmp/$1"
	tar xzf "$tgz" -C "$tmp/$1"
}

rm -rf "$out"
mkdir -p "$out"

fetch monaco-editor 0.18.1 7fdba185af65c5cb24760b4d11594298b3c343d58a8f9dc48ca7538fe9eb1e2f
m="$tmp/monaco-editor/package"
for f in LICENSE ThirdPartyNotices.txt \
	min/vs/loader.js \
	min/vs/editor/editor.main.js min/vs/editor/editor.main.css min/vs/editor/editor.main.nls.js \
	min/vs/base/worker/workerMain.js \
	min/vs/basic-languages/javascript/javascript.js \
	min/vs/basic-languages/typescript/typescript.js \
	min/vs/basic-languages/graphql/graphql.js \
	min/vs/language/json/jsonMode.js min/vs/language/json/jsonWorker.js \
	min/vs/language/typescript/tsMode.js min/vs/language/typescript/tsWorker.js; do
	mkdir -p "$out/monaco-editor/$(dirname "$f")"
	cp "$m/$f" "$out/monaco-editor/$f"
done

fetch material-icons 1.13.14 31196d01fc9f0615eb35bd0c51a40a2248351268432c5939fe8a2ebee21aa599
m="$tmp/material-icons/package"
mkdir -p "$out/material-icons"
cp "$m/LICENSE" "$m/iconfont/filled.css" "$m/iconfont/material-icons.woff2" "$out/material-icons/"

fetch cytoscape 3.34.4 0d02363d99d805ce8d91fdecab7b2a8cb91ee280d67f309ce44c161d117b4679
m="$tmp/cytoscape/package"
mkdir -p "$out/cytoscape"
cp "$m/LICENSE" "$m/dist/cytoscape.min.js" "$out/cytoscape/"

echo "vendored into $(pwd)/$out:"
du -sh "$out"/*
