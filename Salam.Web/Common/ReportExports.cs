using Mediator;
using Microsoft.Extensions.Localization;
using Salam.Application.Common.Exceptions;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Infrastructure.Reports;
using Salam.Web.Components.Pages.Shifts;
using Salam.Web.Localization;

namespace Salam.Web.Common;

/// <summary>The roll-up table as CSV or Excel: the same query, scope and columns as the page, with the total last.</summary>
public static class ReportExports
{
    public static void MapReportExports(this WebApplication app) =>
        app.MapGet("/reports/export.{format}", async (string format, int level, int? parent, ISender sender, IStringLocalizer<UiText> text,
                DisplayFormat display, CancellationToken cancellationToken) =>
            {
                if (format is not ("csv" or "xlsx") || !Enum.IsDefined((RollupLevel)level)) return Results.NotFound();
                RollupReport report;
                try
                {
                    report = await sender.Send(new GetRollupReport((RollupLevel)level, parent), cancellationToken);
                }
                catch (ForbiddenException refused)
                {
                    return Results.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden);
                }
                catch (NotFoundException missing)
                {
                    return Results.Problem(missing.Message, statusCode: StatusCodes.Status404NotFound);
                }
                var headers = Headers(text);
                var rows = report.Rows.Select(r => Cells(r, display, text)).ToList();
                if (report.Total is { } total) rows.Add(Cells(total with { Name = total.Name with { Fa = text["Reports.Total", total.Name.Fa], En = text["Reports.Total", total.Name.En] } }, display, text));
                var name = $"salam-rollup-{((RollupLevel)level).ToString().ToLowerInvariant()}{(parent is { } p ? $"-{p}" : "")}";
                return format == "csv"
                    ? Results.File(TableExport.Csv(headers, rows), "text/csv; charset=utf-8", $"{name}.csv")
                    : Results.File(TableExport.Excel(text["Reports.Title"], headers, rows, rightToLeft: Cultures.IsPersian), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
            })
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.MinistryStaff), nameof(Role.Admin), nameof(Role.ProvinceOfficer)))
            .WithSecurityHeadersPolicy(SecurityHeaders.Export);

    private static string[] Headers(IStringLocalizer<UiText> text) =>
    [
        text["Reports.Col.Place"], text["Reports.Col.Residents"], text["Reports.Col.BallotsOnline"], text["Reports.Col.BallotsPaper"],
        text["Reports.Col.Participation"], text["Reports.Col.NeedsProposed"], text["Reports.Col.NeedsApproved"], text["Reports.Col.TopCategories"],
        text["Reports.Col.Duties"], text["Reports.Col.DutiesDone"], text["Reports.Col.Overdue"], text["Reports.Col.OnTime"],
        text["Reports.Col.Volunteers"], text["Reports.Col.MeetingsHeld"], text["Reports.Col.DecisionDuties"], text["Reports.Col.DecisionsOnTime"],
        text["Reports.Col.DecisionsOnTimeShare"], text["Completion.Col.Confirmed"], text["Completion.Col.Disputed"], text["Completion.Col.Unanswered"],
        text["Reports.Col.DutiesByStatus"], text["Reports.Col.DutiesByAgency"], text["Reports.Col.VolunteersBySkill"],
        text["Rollup.Col.Received"], text["Rollup.Col.Allocated"], text["Rollup.Col.Delivered"], text["Rollup.Col.VolunteerHours"],
        text["Rollup.Col.HoursBySkill"], text["Rollup.Col.Items"],
        text["Reports.Col.ComputedAt"],
    ];

    // Numbers stay numbers, rates as percentages to one decimal (the decisions' on-time share an empty cell while none was decided), the moment a date; the figures inside the text cells are
    // written invariantly too (Latin digits, "." as decimal mark), as TableExport writes every number: a file never mixes digits.
    // Rials are whole numbers (received an empty cell below the province, where it is not counted); hours to a tenth.
    private static object?[] Cells(RollupRow r, DisplayFormat display, IStringLocalizer<UiText> text) =>
    [
        display.Name(r.Name), r.Residents, r.BallotsOnline, r.BallotsPaper, Math.Round(100 * r.Participation, 1), r.NeedsProposed, r.NeedsApproved,
        display.List(r.TopCategories().Select(c => FormattableString.Invariant($"{display.Enum(c.Category)} {Math.Round(100 * c.Share, 1)}%"))),
        r.DutiesTotal, r.DutiesDone, r.DutiesOverdue, Math.Round(100 * r.OnTimeRate, 1), r.Volunteers,
        r.MeetingsHeld, r.DecisionDuties, r.DecisionDutiesOnTime, r.DecisionsOnTimeShare is { } share ? Math.Round(100 * share, 1) : null,
        r.CompletionsConfirmed, r.CompletionsDisputed, r.CompletionsUnanswered,
        display.List(r.DutiesByStatus.Select(t => FormattableString.Invariant($"{display.Enum(t.Key)} {t.Count}"))),
        display.List(r.DutiesByAgency.Select(t => FormattableString.Invariant($"{display.Enum(t.Key)} {t.Count}"))),
        display.List(r.VolunteersBySkill.Select(t => FormattableString.Invariant($"{display.Enum(t.Key)} {t.Count}"))),
        r.DonationsReceivedRials, r.DonationsAllocatedRials, r.DonationsDeliveredRials, r.VolunteerHours,
        display.List((r.MinutesBySkill ?? []).Select(t => FormattableString.Invariant($"{ShiftText.Skill(display, text, t.Key)} {RollupRow.HoursOf(t.Count)}"))),
        display.List((r.Items ?? []).Select(i => i.Received is { } received
            ? FormattableString.Invariant($"{display.Enum(i.Item)} {received}/{i.Allocated}/{i.Delivered}")
            : FormattableString.Invariant($"{display.Enum(i.Item)} {i.Allocated}/{i.Delivered}"))),
        r.ComputedAt,
    ];
}
