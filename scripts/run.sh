#!/usr/bin/env bash
# The README's run command: installs what is missing, starts PostgreSQL, seeds demo data on first run,
# and starts the dashboard on http://127.0.0.1:5080.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__BusinessCore="$(scripts/db.sh start)"
ensure_dotnet_tools

log "Building"
dotnet build Epic16.Dashboard -c Release -v quiet -nologo
APP=(dotnet run --project Epic16.Dashboard -c Release --no-build --no-launch-profile --)

"${APP[@]}" db migrate
export Legacy__Directory="${Legacy__Directory:-$ROOT/.data/legacy}"
if [ ! -f "$Legacy__Directory/epic16_fortune500_acquisition.db" ]; then
  log "First run: writing the demo legacy data"
  "${APP[@]}" seed-demo
fi
"${APP[@]}" scan

URL="http://127.0.0.1:${EPIC16_APP_PORT:-5080}"
cat <<MSG

  Epic 16 dashboard: $URL
  Demo sign-ins (password Epic16-Demo!):
    admin@epic16.demo     Admin
    sales@epic16.demo     Sales
    success@epic16.demo   CustomerSuccess
    exec@epic16.demo      Executive

MSG
exec "${APP[@]}" --urls "$URL"
