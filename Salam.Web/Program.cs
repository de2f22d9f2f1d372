using Salam.Application;
using Salam.Infrastructure;
using Salam.Infrastructure.Persistence;
using Salam.Web.Common;
using Salam.Web.Components;
using Salam.Web.Operations;

// A redirect from a server-rendered form (after a ballot, a sign-in) need not throw and unwind: it is the hot path.
AppContext.SetSwitch("Microsoft.AspNetCore.Components.Endpoints.NavigationManager.DisableThrowNavigationException", true);

// Operator commands (migrate, create-admin) run and exit without starting the web server.
if (OperatorCommandLine.Handles(args)) return await OperatorCommandLine.RunAsync(args, OperatorConsole.System());

var builder = WebApplication.CreateBuilder(args);
// Run from a build (dotnet run) the libraries' files (MudBlazor, _framework) stay where the build's manifest points, which only
// Development reads by default; a published app has them in wwwroot and no such manifest, so there this does nothing.
if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddSalamWeb(builder.Configuration);
builder.Services.AddReverseProxy(builder.Configuration);
builder.Services.AddSecurityHeaders();

var app = builder.Build();
await app.Services.InitialiseDatabaseAsync();

app.UseReverseProxy();
app.UseSecurityHeaders();
// The language first: the error and not-found pages are re-executed inside it, in the language of the request.
app.UseRequestLocalization();
app.UseStatusPages();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSalamEndpoints();
app.MapStatusPages();
app.MapReportExports();
app.MapAuditExport();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
