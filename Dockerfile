# syntax=docker/dockerfile:1
# Build: only the project files first, so the restore layer is reused until a dependency changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Firewall.Api/Firewall.Api.csproj src/Firewall.Api/
COPY src/Firewall.Core/Firewall.Core.csproj src/Firewall.Core/
COPY src/Firewall.Storage/Firewall.Storage.csproj src/Firewall.Storage/
COPY migrations/Firewall.Migrations.Sqlite/Firewall.Migrations.Sqlite.csproj migrations/Firewall.Migrations.Sqlite/
COPY migrations/Firewall.Migrations.Postgres/Firewall.Migrations.Postgres.csproj migrations/Firewall.Migrations.Postgres/
RUN dotnet restore src/Firewall.Api/Firewall.Api.csproj
COPY src/ src/
COPY migrations/ migrations/
RUN dotnet publish src/Firewall.Api/Firewall.Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# Run: chiseled ASP.NET image (no shell, no package manager), non-root, read-only root filesystem friendly.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Firewall__DataPath=/var/lib/firewall \
    DOTNET_EnableDiagnostics=0
# The only writable places: the data folder (SQLite, when used) and /tmp. Mount both as volumes.
VOLUME ["/var/lib/firewall", "/tmp"]
USER 1654
EXPOSE 8080
# The migration Job runs the same image with: dotnet Firewall.Api.dll --migrate
ENTRYPOINT ["dotnet", "Firewall.Api.dll"]
