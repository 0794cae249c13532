# Epic 16 dashboard: build with the .NET SDK (plus Node/npm for the front-end packages), run on the ASP.NET runtime.
# Not built on the development machines (no Docker engine there); kept in step with scripts/ and the csproj files.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The Dashboard's MSBuild step restores ApexCharts from package-lock.json with npm.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Epic16.sln appsettings.json dotnet-tools.json ./
COPY Epic16.Domain/Epic16.Domain.csproj Epic16.Domain/
COPY Epic16.Dashboard/Epic16.Dashboard.csproj Epic16.Dashboard/
RUN dotnet restore Epic16.Dashboard/Epic16.Dashboard.csproj
COPY Epic16.Domain/ Epic16.Domain/
COPY Epic16.Dashboard/ Epic16.Dashboard/
RUN dotnet publish Epic16.Dashboard/Epic16.Dashboard.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The legacy SQLite files and backups live on a volume; PostgreSQL comes from the environment:
#   docker run -e ConnectionStrings__BusinessCore="Host=db;Database=synapse_business_core;Username=…;Password=…" -v epic16-data:/data …
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Legacy__Directory=/data/legacy \
    Backups__Directory=/data/backups
RUN mkdir -p /data/legacy /data/backups && chown -R $APP_UID /data
VOLUME /data
# The image's non-root user (uid 1654 in the .NET images).
USER $APP_UID
# Orchestrators probe GET /healthz (200 Healthy, 503 Unhealthy).
EXPOSE 8080
ENTRYPOINT ["dotnet", "Epic16.Dashboard.dll"]
