using Mediator;
using Microsoft.Extensions.Localization;
using Salam.Application.Campaigns.Queries.GetCampaignExport;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Campaigns;
using Salam.Domain.People;
using Salam.Infrastructure.Reports;
using Salam.Web.Localization;

namespace Salam.Web.Common;

/// <summary>
/// A campaign's donations as CSV or Excel, one row each: the same query and scope as the page's tables (a facilitator their
/// centre's, an officer their province's). Donor names are typed by people, so every text goes through
/// <see cref="TableExport"/>'s formula guard; an anonymous donor's name reaches only the recording centre.
/// </summary>
public static class CampaignExports
{
    public static void MapCampaignExports(this WebApplication app) =>
        app.MapGet("/campaigns/{id:int}/export.{format}", async (int id, string format, ISender sender, IStringLocalizer<UiText> text,
                DisplayFormat display, CancellationToken cancellationToken) =>
            {
                if (format is not ("csv" or "xlsx")) return Results.NotFound();
                IReadOnlyList<DonationExportRow> donations;
                try
                {
                    donations = await sender.Send(new GetCampaignExport(id), cancellationToken);
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
                var rows = donations.Select(d => Cells(d, text, display)).ToList();
                var name = $"salam-campaign-{id}";
                return format == "csv"
                    ? Results.File(TableExport.Csv(headers, rows), "text/csv; charset=utf-8", $"{name}.csv")
                    : Results.File(TableExport.Excel(text["Campaign.ExportSheet"], headers, rows, rightToLeft: Cultures.IsPersian),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
            })
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Facilitator), nameof(Role.ProvinceOfficer), nameof(Role.MinistryStaff)))
            .WithSecurityHeadersPolicy(SecurityHeaders.Export);

    public static string[] Headers(IStringLocalizer<UiText> text) =>
    [
        text["Campaign.Col.Donation"], text["Figures.Province"], text["Campaign.Centre"], text["Donation.DonorKind"], text["Donation.Donor"],
        text["Donation.Kind"], text["Donation.Item"], text["Campaign.Col.Amount"], text["Campaign.Col.Unit"], text["Campaign.Col.Status"],
        text["Donation.Receipt"], text["Campaign.Col.PledgedOn"], text["Campaign.Col.ReceivedOn"], text["Campaign.Col.AllocatedAmount"],
        text["Campaign.Col.DeliveredAmount"],
    ];

    // Amounts stay whole numbers in the kind's unit (rials, items or hours, named in the next column); days are ISO dates.
    private static IReadOnlyList<object?> Cells(DonationExportRow d, IStringLocalizer<UiText> text, DisplayFormat display) =>
    [
        d.DonationId, display.Name(d.Province), display.Name(d.Centre), display.Enum(d.DonorKind), d.DonorName ?? text["Donation.AnonymousDonor"].Value,
        display.Enum(d.Kind), d.Item is { } item ? display.Enum(item) : null, d.Amount, text[$"Campaign.Unit.{Unit(d.Kind)}"].Value, display.Enum(d.Status),
        d.ReceiptNumber, d.PledgedOn, d.ReceivedOn, d.Allocated, d.Delivered,
    ];

    private static string Unit(DonationKind kind) => kind switch
    {
        DonationKind.Cash or DonationKind.Vow => "Rials",
        DonationKind.InKind => "Items",
        _ => "Hours",
    };
}
