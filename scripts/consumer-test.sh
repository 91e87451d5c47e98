#!/usr/bin/env bash
# The libraries as an outside developer gets them: each is packed (pnpm pack) and the tarballs are
# installed with npm into fresh projects under /tmp, outside the workspace. There:
#   - plain node imports @nianbao/schema and @nianbao/pdf, checks and renders the 2021 demo report
#     (the fonts packages left out with --omit=optional, the same fonts passed by NIANBAO_FONTS_DIR);
#   - plain node renders a <Document> of the consumer's own with their @react-pdf/renderer (as
#     published: pdfkit unpatched): a cover page, then <ReportPages> from @nianbao/pdf/react; the
#     pages are kept as test-output/consumer-booklet-*.png;
#   - tsc --noEmit, strict, with module NodeNext (also the <Document> with <ReportPages> as TSX) and
#     with moduleResolution Bundler;
#   - a Vite build of a React app rendering <ReportForm>, opened in Chromium (screenshot kept in
#     test-output/consumer-form.png);
#   - a browser-style project (types: [], no @types/node, no database driver) type-checks a tRPC
#     client against @nianbao/api-types.
# Prints each tarball's size and fails if one holds tests, sources, tsconfig or images; publint and
# attw check each tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
here=$root/scripts/consumer
work=$(mktemp -d /tmp/nianbao-consumer-XXXXXX)
trap 'rm -rf "$work"' EXIT
libs=(schema pdf form import api-types)
# The version this workspace uses of a package (its pnpm catalog entry).
v() { sed -n "s|^  \"\{0,1\}$1\"\{0,1\}: ||p" "$root/pnpm-workspace.yaml"; }
npm_install() { npm install --no-audit --no-fund --loglevel=error "$@"; }

pnpm exec turbo run build $(printf -- '--filter=./packages/%s ' "${libs[@]}") --output-logs=errors-only

mkdir -p "$work/tarballs"
for lib in "${libs[@]}"; do (cd "packages/$lib" && pnpm pack --pack-destination "$work/tarballs" >/dev/null); done
echo "tarballs:"
for t in "$work"/tarballs/*.tgz; do
  files=$(tar -tzf "$t")
  if bad=$(grep -E '\.test\.|/test/|/src/|tsconfig|\.(png|jpe?g|ttf)$' <<<"$files"); then
    echo "$(basename "$t") holds files a consumer does not need: $bad" >&2
    exit 1
  fi
  awk -v name="$(basename "$t")" -v packed="$(stat -c%s "$t")" -v unpacked="$(tar -xzOf "$t" | wc -c)" \
    -v files="$(wc -l <<<"$files")" 'BEGIN { printf "  %-32s %8.1f KB packed %8.1f KB unpacked %3d files\n", name, packed / 1024, unpacked / 1024, files }'
done
echo "publint and attw (ESM only: no CommonJS entry is published):"
for t in "$work"/tarballs/*.tgz; do
  pnpm exec publint run "$t" --strict --level warning | tail -n +2
  # The stylesheet is a file export, not a module with types.
  pnpm exec attw "$t" --profile esm-only --format table-flipped --exclude-entrypoints ./styles.css >/dev/null ||
    pnpm exec attw "$t" --profile esm-only --format ascii --exclude-entrypoints ./styles.css
  echo "  attw $(basename "$t"): no problems"
done
tgz() { ls "$work"/tarballs/nianbao-"$1"-*.tgz; }

started=$SECONDS
# 1. A Node project with everything but the API types.
app=$work/app
mkdir -p "$app" && cd "$app"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' >package.json
npm_install --omit=optional "$(tgz schema)" "$(tgz pdf)" "$(tgz form)" "$(tgz import)" \
  "zod@$(v zod)" "react@$(v react)" "react-dom@$(v react-dom)" "react-hook-form@$(v react-hook-form)" \
  "@types/react@$(v @types/react)" "@types/react-dom@$(v @types/react-dom)" "typescript@$(v typescript)" \
  "@react-pdf/renderer@$(v @react-pdf/renderer)"
if [ -e node_modules/@expo-google-fonts ]; then echo "the font packages were installed despite --omit=optional" >&2; exit 1; fi
mkdir fonts
for f in noto-serif-sc/400Regular/NotoSerifSC_400Regular noto-serif-sc/700Bold/NotoSerifSC_700Bold noto-sans-sc/700Bold/NotoSansSC_700Bold; do
  ln -s "$(cd "$root/packages/pdf" && node -p "require.resolve('@expo-google-fonts/$f.ttf')")" fonts/
done
cp "$here"/{check.mjs,booklet.mjs,types.ts,pages.tsx,tsconfig.nodenext.json,tsconfig.bundler.json} .
NIANBAO_FONTS_DIR=$app/fonts node check.mjs "$root/examples/demo-county-2021.report.json"
NIANBAO_FONTS_DIR=$app/fonts node booklet.mjs "$root/examples/demo-county-2021.report.json" booklet.pdf
mkdir -p "$root/test-output"
pdftoppm -r 50 -png -f 1 -l 4 booklet.pdf "$root/test-output/consumer-booklet"
# pages.tsx brings in react-pdf's own declarations, which have errors without @types/node and
# fontkit's types (Buffer, NodeJS, 'fontkit'); every other error (ours, in types.ts or pages.tsx)
# fails. The output is kept first, as tsc exits 1 for react-pdf's.
nodenext=$(npx tsc -p tsconfig.nodenext.json || true)
if grep 'error TS' <<<"$nodenext" | grep -v '^node_modules/@react-pdf/'; then
  echo "tsc: strict, module NodeNext: errors" >&2; exit 1
fi
echo "tsc: strict, module NodeNext, with <ReportPages> in a <Document> (TSX): no errors outside react-pdf's own declarations"
npx tsc -p tsconfig.bundler.json && echo "tsc: strict, moduleResolution Bundler: no errors"

# 2. A Vite React app with the form (its own project: Vite's bundler is an optional dependency).
web=$work/web
mkdir -p "$web" && cp -r "$here/app/." "$web/" && cd "$web"
printf '{ "name": "consumer-web", "private": true, "type": "module" }\n' >package.json
npm_install "$(tgz schema)" "$(tgz form)" \
  "zod@$(v zod)" "react@$(v react)" "react-dom@$(v react-dom)" "react-hook-form@$(v react-hook-form)" \
  "@types/react@$(v @types/react)" "@types/react-dom@$(v @types/react-dom)" "typescript@$(v typescript)" \
  "vite@$(v vite)" "@vitejs/plugin-react@$(v @vitejs/plugin-react)"
npx tsc -p tsconfig.json && echo "tsc: the Vite React template's settings: no errors"
npx vite build >/dev/null
node "$here/screenshot.mjs" "$web/dist" "$root/test-output/consumer-form.png"

# 3. A browser project with the API types alone.
client=$work/client
mkdir -p "$client" && cd "$client"
printf '{ "name": "browser-client", "private": true, "type": "module" }\n' >package.json
npm_install "$(tgz api-types)" "@trpc/client@$(v @trpc/client)" "@trpc/server@$(v @trpc/server)" "typescript@$(v typescript)"
for absent in better-sqlite3 pg @types/node @nianbao/db @nianbao/api @nianbao/import; do
  if [ -e "node_modules/$absent" ]; then echo "@nianbao/api-types brought $absent" >&2; exit 1; fi
done
cp "$here/client.ts" "$here/tsconfig.browser.json" .
npx tsc -p tsconfig.browser.json && echo "tsc: browser project (types: []), tRPC client against @nianbao/api-types: no errors"
# tRPC's own declarations need node types; ours must have no error of their own.
# (tsc exits non-zero for tRPC's errors, so its output is kept first and then searched for ours.)
libcheck=$(npx tsc -p tsconfig.browser.json --skipLibCheck false || true)
if grep '@nianbao/' <<<"$libcheck"; then echo "the declarations of @nianbao/api-types have errors of their own" >&2; exit 1; fi
echo "consumer projects: $((SECONDS - started)) s"
