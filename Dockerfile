# syntax=docker/dockerfile:1
# Build, check and publish in the SDK image; run in the smaller ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/EssaySite/EssaySite.csproj src/EssaySite/
RUN dotnet restore src/EssaySite/EssaySite.csproj
COPY src/ src/
COPY content/ content/
COPY wwwroot/ wwwroot/
COPY EssaySite.sln ./
# Bad content fails the image build with path:line messages.
RUN dotnet run --project src/EssaySite -c Release -- check
RUN dotnet publish src/EssaySite/EssaySite.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# content/ and wwwroot/ are published beside the app, where it looks for them first.
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "EssaySite.dll"]
