using Salam.Application;
using Salam.Infrastructure;
using Salam.Infrastructure.Persistence;
using Salam.Web.Common;
using Salam.Web.Components;
using Salam.Web.OpenData;
using Salam.Web.Operations;

// A redirect from a server-rendered form (after a ballot, a sign-in) need not throw and unwind: it is the hot path.
AppContext.SetSwitch("Microsoft.AspNetCore.Components.Endpoints.NavigationManager.DisableThrowNavigationException", true);

// Operator commands (migrate, create-admin) run and exit without starting the web server.
if (OperatorCommandLine.Handles(args)) return await OperatorCommandLine.RunAsync(args, OperatorConsole.System());

var builder = WebApplication.CreateBuilder(args);
// Run from a build (dotnet run) the libraries' files (MudBlazor, _framework) stay where the build's manifest points, which only
// Development reads by default; a published app has them in wwwroot and no such manifest, so there this does nothing.
if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
// Static files are served as the build made them, in every environment: its gzip/brotli copies and its cache headers
// (immutable for fingerprinted names), not re-read from wwwroot with caching off as MapStaticAssets does by default for a
// build's manifest. So a Development run and the tests see what a published app sends; a wwwroot edit shows after a build.
builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddSalamWeb(builder.Configuration);
builder.Services.AddPublicCaching();
builder.Services.AddReverseProxy(builder.Configuration);
builder.Services.AddSecurityHeaders();
builder.Services.AddStoryFeeds();
builder.Services.AddOpenData();

var app = builder.Build();
await app.Services.InitialiseDatabaseAsync();

app.UseReverseProxy();
app.UseSecurityHeaders();
// The language first: the error and not-found pages are re-executed inside it, in the language of the request.
app.UseRequestLocalization();
app.UseStatusPages();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseAuthentication();
app.UseAuthorization();
app.UsePublicCaching();
app.UseRateLimiter();
app.UseAntiforgery();

// The one static-file path: every file of wwwroot and the libraries (_content, _framework) from the build's manifest,
// fingerprinted names cached as immutable, gzip and brotli copies made at build/publish chosen by Accept-Encoding.
app.MapStaticAssets();
app.MapSalamEndpoints();
app.MapStatusPages();
app.MapReportExports();
app.MapAuditExport();
app.MapBallotFileDownload();
app.MapStoryPhotos();
app.MapStoryFeeds();
app.MapOpenData();
app.MapCampaignExports();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
