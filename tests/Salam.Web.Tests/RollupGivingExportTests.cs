using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Salam.Domain.Campaigns;
using Salam.Domain.Reports;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// The exports carry the demo's donations and volunteer hours: each province's rials received are what its centres hold, the
/// nation's total is its provinces' sum; below the province received is an empty cell and allocated, delivered and hours sum to
/// the province's total.
/// </summary>
public sealed class RollupGivingExportTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<(int Qom, long Received, long Allocated, long Delivered, int Minutes)> QomAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var qom = await db.Provinces.Where(p => p.Code == "QOM").Select(p => p.Id).SingleAsync();
        var rials = db.Donations.Where(d => d.ProvinceId == qom && (d.Kind == DonationKind.Cash || d.Kind == DonationKind.Vow));
        var received = await rials.Where(d => d.Status == DonationStatus.Received || d.Status == DonationStatus.Allocated || d.Status == DonationStatus.Delivered).SumAsync(d => d.Amount);
        var given = db.Allocations.Where(a => rials.Any(d => d.Id == a.DonationId));
        var minutes = await db.ShiftBookings.Where(b => b.Attendance == Attendance.Attended
            && db.Volunteers.Any(v => v.Id == b.VolunteerId && db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.County!.ProvinceId == qom))).SumAsync(b => b.Minutes);
        return (qom, received, await given.SumAsync(a => a.Amount), await given.Where(a => a.Status == AllocationStatus.Delivered).SumAsync(a => a.Amount), minutes);
    }

    [Fact]
    public async Task The_csv_of_provinces_has_each_province_s_rials_and_hours_and_the_nation_as_their_sum()
    {
        var qom = await QomAsync();
        Assert.True(qom.Received > 0 && qom.Delivered > 0 && qom.Minutes > 0, "the demo gives Qom donations delivered and hours");
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        await client.GetAsync("/culture?culture=en-US");
        var file = await client.GetByteArrayAsync($"/reports/export.csv?level={(int)RollupLevel.Province}");

        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        var total = rows.Single(r => r["Place"].StartsWith("Total for ", StringComparison.Ordinal));
        var provinces = rows.Where(r => r != total).ToList();
        var qomRow = provinces.Single(r => r["Place"] == "Qom");
        static long Long(string cell) => long.Parse(cell, CultureInfo.InvariantCulture);
        static decimal Hours(string cell) => decimal.Parse(cell, CultureInfo.InvariantCulture);

        Assert.Equal((qom.Received, qom.Allocated, qom.Delivered), (Long(qomRow["Received (rials)"]), Long(qomRow["Allocated (rials)"]), Long(qomRow["Delivered (rials)"])));
        Assert.Equal(qom.Minutes / 60 + qom.Minutes % 60 * 10 / 60 / 10m, Hours(qomRow["Volunteer hours"]));
        foreach (var column in new[] { "Received (rials)", "Allocated (rials)", "Delivered (rials)" })
            Assert.Equal(provinces.Sum(r => Long(r[column])), Long(total[column]));
        Assert.Contains("Any skill", qomRow["Volunteer hours by skill"], StringComparison.Ordinal);
        Assert.Contains("Food package", qomRow["Goods (received/allocated/delivered)"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_excel_of_a_province_s_counties_leaves_received_empty_below_it_and_sums_the_rest_to_its_total()
    {
        var qom = await QomAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        using var stream = new MemoryStream(await client.GetByteArrayAsync($"/reports/export.xlsx?level={(int)RollupLevel.County}&parent={qom.Qom}"));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        static long Cell(IDictionary<string, object?> row, string column) => Convert.ToInt64(row[column], CultureInfo.InvariantCulture);

        var total = rows.Single(r => Equals(r["مکان"], "جمع قم"));
        var counties = rows.Where(r => r != total).ToList();
        Assert.All(counties, r => Assert.True(r["دریافتی (ریال)"] is null or "", "received is not counted below the province"));
        Assert.Equal(qom.Received, Cell(total, "دریافتی (ریال)"));
        Assert.Equal((qom.Allocated, qom.Delivered), (Cell(total, "تخصیص‌یافته (ریال)"), Cell(total, "تحویل‌شده (ریال)")));
        Assert.Equal(counties.Sum(r => Cell(r, "تخصیص‌یافته (ریال)")), Cell(total, "تخصیص‌یافته (ریال)"));
        Assert.Equal(counties.Sum(r => Cell(r, "تحویل‌شده (ریال)")), Cell(total, "تحویل‌شده (ریال)"));
        Assert.Equal(counties.Sum(r => Convert.ToDecimal(r["ساعت‌های داوطلبی"], CultureInfo.InvariantCulture)), Convert.ToDecimal(total["ساعت‌های داوطلبی"], CultureInfo.InvariantCulture));
    }
}
