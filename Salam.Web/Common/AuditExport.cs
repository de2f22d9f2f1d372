using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Salam.Application.Audit.Queries.SearchAuditLog;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Infrastructure.Reports;
using Salam.Web.Localization;

namespace Salam.Web.Common;

/// <summary>
/// The audit log as CSV, with the filters of the page: the same query and scope (an officer exports their province only).
/// Names and values people typed are cells of a spreadsheet, so they go through <see cref="TableExport"/>'s formula guard.
/// </summary>
public static class AuditExport
{
    private const string Path = "/audit/export.csv";

    public static string Url(SearchAuditLog query)
    {
        var parameters = new List<string>();
        if (query.Actor is { } actor) parameters.Add($"actor={Uri.EscapeDataString(actor)}");
        if (query.Kind is { } kind) parameters.Add($"kind={Uri.EscapeDataString(kind)}");
        if (query.From is { } from) parameters.Add($"from={from:yyyy-MM-dd}");
        if (query.To is { } to) parameters.Add($"to={to:yyyy-MM-dd}");
        return parameters.Count == 0 ? Path : $"{Path}?{string.Join('&', parameters)}";
    }

    public static void MapAuditExport(this WebApplication app) =>
        app.MapGet(Path, async ([FromQuery] string? actor, [FromQuery] string? kind, [FromQuery] string? from, [FromQuery] string? to,
                ISender sender, IStringLocalizer<UiText> text, DisplayFormat display, CancellationToken cancellationToken) =>
            {
                if (!TryDay(from, out var start) || !TryDay(to, out var end)) return Results.Problem(text["Audit.BadDate"], statusCode: StatusCodes.Status400BadRequest);
                AuditPage page;
                try
                {
                    page = await sender.Send(new SearchAuditLog(actor, kind, start, end, 1, SearchAuditLog.MaxPageSize), cancellationToken);
                }
                catch (ValidationFailedException invalid)
                {
                    return Results.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest);
                }
                catch (ForbiddenException refused)
                {
                    return Results.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden);
                }
                string[] headers = [text["Audit.Col.Id"], text["Audit.When"], text["Audit.Who"], text["Audit.Kind"], text["Audit.Col.Subject"], text["Audit.What"], text["Audit.Col.Province"], text["Audit.Before"], text["Audit.After"]];
                var rows = page.Entries.Select(e => (IReadOnlyList<object?>)
                [
                    e.Id, e.At,
                    e.ActorUserId is null ? text["Audit.System"].Value : e.Actor, text[$"AuditKind.{e.Kind}"].Value, e.SubjectId,
                    display.Enum(e.Action), e.ProvinceId, e.Before, e.After,
                ]);
                return Results.File(TableExport.Csv(headers, rows), "text/csv; charset=utf-8", "salam-audit.csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Admin), nameof(Role.ProvinceOfficer)))
            .WithSecurityHeadersPolicy(SecurityHeaders.Export);

    // The page sends Jalali dates as the query's days (yyyy-MM-dd, Gregorian); a person editing the address may type Jalali.
    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var gregorian) && gregorian.Year > 1900) day = gregorian;
        else if (JalaliDate.TryParse(text, out var jalali)) day = jalali;
        return day is not null;
    }
}
