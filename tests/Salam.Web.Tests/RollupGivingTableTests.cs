using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Web.Components.Pages.Reports;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The roll-up table's donations and volunteer hours: rials in the reader's digits, "—" for received below the province, hours to a tenth.</summary>
public sealed class RollupGivingTableTests : ComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static RollupRow Row(int id, string fa, string en, long? received, long allocated, long delivered, int minutes) =>
        new(id, new PlaceName(fa, en), At, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], [], [], [],
            DonationsReceivedRials: received, DonationsAllocatedRials: allocated, DonationsDeliveredRials: delivered, VolunteerMinutes: minutes,
            MinutesBySkill: [new Tally<VolunteerSkill>(VolunteerSkill.None, minutes)]);

    private static RollupReport Counties => new(RollupLevel.County,
        [new ReportCrumb(RollupLevel.National, 0, new PlaceName("کل کشور", "Nation")), new ReportCrumb(RollupLevel.Province, 7, new PlaceName("قم", "Qom"))],
        Row(7, "قم", "Qom", 62_000_000, 42_000_000, 12_000_000, 250),
        [Row(11, "قم", "Qom county", null, 42_000_000, 12_000_000, 250)], []);

    [Theory]
    [InlineData(Cultures.Persian, "۶۲٬۰۰۰٬۰۰۰", "۴۲٬۰۰۰٬۰۰۰", "۱۲٬۰۰۰٬۰۰۰", "۴٫۱")]
    [InlineData(Cultures.English, "62,000,000", "42,000,000", "12,000,000", "4.1")]
    public void Rials_and_hours_show_in_the_reader_s_digits_and_received_is_a_dash_below_the_province(string culture, string received, string allocated, string delivered, string hours)
    {
        Use(culture);
        var table = Render<RollupTable>(p => p.Add(t => t.Report, Counties));

        string[] Cells(string css) => [.. table.FindAll(css).Select(td => td.TextContent.Trim())];
        Assert.Equal(["—", received], Cells(".rollup-received"));
        Assert.Equal([allocated, allocated], Cells(".rollup-allocated"));
        Assert.Equal([delivered, delivered], Cells(".rollup-delivered"));
        Assert.Equal([hours, hours], Cells(".rollup-volunteer-hours"));
        Assert.NotNull(table.Find(".rollup-received span[aria-label]"));
    }
}
