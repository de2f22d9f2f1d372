using System.Globalization;
using System.Security.Claims;
using Hangfire;
using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Application.Duties.Queries.GetUpdateSheet;
using Salam.Application.Needs.Queries.FindSimilarNeeds;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Reports;
using Salam.Web.Localization;

namespace Salam.Web.Common;

public static class WebEndpoints
{
    /// <summary>Plain endpoints beside the pages: language switch, sign-out, health, and the Admin-only jobs dashboard.</summary>
    public static void MapSalamEndpoints(this WebApplication app)
    {
        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = Cultures.Supported.Contains(culture) ? culture : Cultures.Persian;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });

        // The layouts' sign-out form carries an antiforgery token: without it any other site could sign people out.
        // Signing out renews the security stamp, so a copy of the cookie kept from before (a shared computer, a stolen
        // cookie) stops working too: staff cookies are checked against the stamp on every request (docs/decisions/0005),
        // residents' at Identity's interval.
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        });

        app.MapHealthChecks("/health");

        // The propose-a-need form asks this while the resident types (see wwwroot/js/similar-needs.js).
        app.MapGet("/needs/similar", async (string text, ClaimsPrincipal user, ISender sender, DisplayFormat format, CancellationToken cancellationToken) =>
        {
            if (!int.TryParse(user.FindFirstValue(SalamClaims.Neighbourhood), out var neighbourhoodId)) return Results.Forbid();
            try
            {
                var similar = await sender.Send(new FindSimilarNeeds(neighbourhoodId, text), cancellationToken);
                return Results.Ok(similar.Select(n => new { n.Id, n.Title, Status = format.Enum(n.Status) }));
            }
            catch (RequestRefusedException refused)
            {
                return Results.BadRequest(refused.Message);
            }
        }).RequireAuthorization(policy => policy.RequireRole(nameof(Role.Resident)));

        // The agency's open duties as a CSV to fill in offline and upload on /agency/import: the columns the import reads
        // (the note left empty), then title, neighbourhood and Jalali due date for the reader, which the import ignores. The
        // status is named in the reader's language as the screens name it (the import reads either language); digits stay
        // Latin, as in every CSV we write. One row per line, as the import reads it: a line break in a title becomes a space.
        app.MapGet("/agency/update-sheet.csv", async (ISender sender, DisplayFormat display, IStringLocalizer<UiText> text, CancellationToken cancellationToken) =>
        {
            // Every open duty of the agency, not the desk's first page: a duty left off the sheet is an update never made.
            var sheet = await sender.Send(new GetUpdateSheet(), cancellationToken);
            var open = sheet.Select(d => (IReadOnlyList<object?>)[d.Id, DutyStatusNames.Name(d.Status), d.Percent, "", d.Title.ReplaceLineEndings(" "), display.Name(d.Neighbourhood), JalaliDate.Format(d.DueDate)]);
            string[] headers = [.. DutyCsv.Columns, text["Export.Col.Title"], text["Export.Col.Neighbourhood"], text["Export.Col.DueDate"]];
            return Results.File(TableExport.Csv(headers, open), "text/csv; charset=utf-8", "salam-duties.csv");
        }).RequireAuthorization(policy => policy.RequireRole(nameof(Role.AgencyManager))).WithSecurityHeadersPolicy(SecurityHeaders.Export);

        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Salam jobs",
        }).RequireAuthorization(policy => policy.RequireRole(nameof(Role.Admin))).WithSecurityHeadersPolicy(SecurityHeaders.JobsDashboard);
    }
}

/// <summary>Hangfire's own check, behind the endpoint's policy: only administrators see jobs.</summary>
public sealed class AdminOnlyDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(nameof(Role.Admin));
}
