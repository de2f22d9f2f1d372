using System.Globalization;
using Microsoft.Extensions.Localization;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Reports;

/// <summary>How the roll-up report words volunteer hours and goods by item (a shift's skill reads as <see cref="Shifts.ShiftText.Skill"/>).</summary>
public static class RollupHours
{
    /// <summary>Grouped whole hours and a tenth, in the reader's digits and decimal mark («۱٬۲۳۴٫۵»).</summary>
    public static string Of(DisplayFormat format, decimal hours)
    {
        var whole = (long)hours;
        var tenth = (int)((hours - whole) * 10);
        return format.Number(whole) + (tenth == 0 ? "" : (Cultures.IsPersian ? "٫" : ".") + format.Digits(tenth.ToString(CultureInfo.InvariantCulture)));
    }

    public static string Item(DisplayFormat format, IStringLocalizer localizer, ItemFigures item) => item.Received is { } received
        ? localizer["Rollup.ItemLine", format.Enum(item.Item), format.Number(received), format.Number(item.Allocated), format.Number(item.Delivered)]
        : localizer["Rollup.ItemLineBelow", format.Enum(item.Item), format.Number(item.Allocated), format.Number(item.Delivered)];
}
