using System.Globalization;
using Microsoft.Extensions.Localization;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.People;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Reports;

/// <summary>How the roll-up report words volunteer hours, the skill a shift asked for, and goods by item.</summary>
public static class RollupHours
{
    public static decimal FromMinutes(int minutes) => RollupRow.HoursOf(minutes);

    /// <summary>Grouped whole hours and a tenth, in the reader's digits and decimal mark («۱٬۲۳۴٫۵»).</summary>
    public static string Of(DisplayFormat format, decimal hours)
    {
        var whole = (long)hours;
        var tenth = (int)((hours - whole) * 10);
        return format.Number(whole) + (tenth == 0 ? "" : (Cultures.IsPersian ? "٫" : ".") + format.Digits(tenth.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The shift's skill; key 0 is a shift open to any skill.</summary>
    public static string Skill(DisplayFormat format, IStringLocalizer localizer, VolunteerSkill skill) =>
        skill == VolunteerSkill.None ? localizer["Rollup.AnySkill"] : format.Enum(skill);

    public static string Item(DisplayFormat format, IStringLocalizer localizer, ItemFigures item) => item.Received is { } received
        ? localizer["Rollup.ItemLine", format.Enum(item.Item), format.Number(received), format.Number(item.Allocated), format.Number(item.Delivered)]
        : localizer["Rollup.ItemLineBelow", format.Enum(item.Item), format.Number(item.Allocated), format.Number(item.Delivered)];
}
