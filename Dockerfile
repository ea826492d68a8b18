# syntax=docker/dockerfile:1
# Restore, build, check and test in the SDK image; run in the smaller ASP.NET runtime image.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig EssaySite.sln ./
COPY src/EssaySite/EssaySite.csproj src/EssaySite/
COPY src/EssaySite.Content/EssaySite.Content.csproj src/EssaySite.Content/
COPY tests/EssaySite.Tests/EssaySite.Tests.csproj tests/EssaySite.Tests/
RUN dotnet restore src/EssaySite/EssaySite.csproj && dotnet restore tests/EssaySite.Tests/EssaySite.Tests.csproj
COPY src/ src/
COPY tests/EssaySite.Tests/ tests/EssaySite.Tests/
COPY tests/fixture-guide/ tests/fixture-guide/
COPY content/ content/
COPY wwwroot/ wwwroot/
COPY seeds/ seeds/
RUN dotnet build tests/EssaySite.Tests -c Release --no-restore
# Bad content fails the image build with path:line messages.
RUN dotnet run --project src/EssaySite -c Release --no-build -- check
# The in-process tests (the browser tests need Chromium and run in CI; the shared seed is not in the image).
RUN dotnet test tests/EssaySite.Tests -c Release --no-build --filter "FullyQualifiedName!~Seed_IsAnUnchangedCopyOfTheSharedSeed"
RUN dotnet publish src/EssaySite/EssaySite.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# content/ and wwwroot/ are published beside the app, where it looks for them first.
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The runtime image's non-root user.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["dotnet", "/app/EssaySite.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/EssaySite.dll"]
