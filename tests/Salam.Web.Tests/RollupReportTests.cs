using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Reports;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The roll-up report over HTTP: the drill-down pages, their scope, and both exports read back.</summary>
public sealed class RollupReportTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<(int Mazandaran, int Sari, int Qom)> PlacesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var mazandaran = await db.Provinces.Where(p => p.Code == "MZN").Select(p => p.Id).SingleAsync();
        var sari = await db.Counties.Where(c => c.NameEn == "Sari").Select(c => c.Id).SingleAsync();
        var qom = await db.Provinces.Where(p => p.Code == "QOM").Select(p => p.Id).SingleAsync();
        return (mazandaran, sari, qom);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        return client;
    }

    [Fact]
    public async Task Ministry_staff_see_every_province_side_by_side_and_drill_down_to_a_county_s_neighbourhoods()
    {
        var (mazandaran, sari, _) = await PlacesAsync();
        var client = await SignedInAsync("ministry");

        var nation = await client.GetStringAsync("/reports");
        Assert.Contains("rollup-table", nation);
        Assert.Contains("مازندران", nation);
        Assert.Contains("قم", nation);
        Assert.Contains($"/reports/provinces/{mazandaran}", nation);
        Assert.Contains("جمع کل کشور", nation);

        var province = await client.GetStringAsync($"/reports/provinces/{mazandaran}");
        Assert.Contains("ساری", province);
        Assert.Contains($"/reports/counties/{sari}", province);

        var county = await client.GetStringAsync($"/reports/counties/{sari}");
        Assert.Contains("سروینه‌باغ", county);
        Assert.Contains("محله‌های ساری", county);
    }

    [Fact]
    public async Task A_provincial_officer_sees_their_province_only_and_a_tampered_url_shows_nothing_of_another()
    {
        var (mazandaran, sari, qom) = await PlacesAsync();
        var client = await SignedInAsync("officer.qom");

        var own = await client.GetStringAsync("/reports");
        Assert.Contains($"/reports/provinces/{qom}", own);
        Assert.DoesNotContain("مازندران", own);

        var tampered = await client.GetStringAsync($"/reports/provinces/{mazandaran}");
        Assert.DoesNotContain("ساری", tampered);
        Assert.DoesNotContain("rollup-table", tampered);
        var county = await client.GetStringAsync($"/reports/counties/{sari}");
        Assert.DoesNotContain("سروینه‌باغ", county);

        var export = await client.GetAsync($"/reports/export.csv?level={(int)RollupLevel.County}&parent={mazandaran}");
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.DoesNotContain("ساری", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Residents_and_agency_managers_cannot_open_the_report_or_its_exports()
    {
        var client = await SignedInAsync("agency.qom.welfare");
        var page = await client.GetAsync("/reports");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        var export = await client.GetAsync($"/reports/export.csv?level={(int)RollupLevel.Province}");
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_byte_order_mark_and_keeps_persian_names()
    {
        var client = await SignedInAsync("ministry");
        var response = await client.GetAsync($"/reports/export.csv?level={(int)RollupLevel.Province}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("مکان,ساکنان ثبت‌نامی,رأی برخط", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("مازندران,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("جمع کل کشور,", StringComparison.Ordinal));
        // One kind of digit and decimal mark: Latin and ".", in the numbers and in the text cells ("سلامت 17.2%"), and the
        // moment of computation an ISO 8601 date-time (Tehran time, with its offset) in the last column.
        Assert.DoesNotContain(lines, l => l.Any(c => c is >= '۰' and <= '۹' or '٫'));
        Assert.All(lines.Skip(1), l => Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:30\r?$", l));
    }

    [Fact]
    public async Task The_excel_export_opens_and_reads_back_the_same_rows_in_persian()
    {
        var (mazandaran, _, _) = await PlacesAsync();
        var client = await SignedInAsync("ministry");
        var response = await client.GetAsync($"/reports/export.xlsx?level={(int)RollupLevel.County}&parent={mazandaran}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => Equals(r["مکان"], "ساری"));
        Assert.Contains(rows, r => Equals(r["مکان"], "جمع مازندران"));
        var total = rows.Single(r => Equals(r["مکان"], "جمع مازندران"));
        Assert.Equal(rows.Where(r => r != total).Sum(r => Convert.ToDouble(r["ساکنان ثبت‌نامی"])), Convert.ToDouble(total["ساکنان ثبت‌نامی"]));

        // Opened in Excel: right to left, figures as number cells, the moment of computation a date cell, not text.
        var sheet = new XlsxSheet(stream.ToArray());
        Assert.True(sheet.RightToLeft);
        var header = sheet.Row(1);
        string Column(string name) => new(header.Single(r => sheet.Value(r) == name).TakeWhile(char.IsLetter).ToArray());
        Assert.Equal("n", sheet.Type(Column("ساکنان ثبت‌نامی") + "2"));
        Assert.Equal("n", sheet.Type(Column("مشارکت") + "2"));
        var computedAt = Column("زمان محاسبه") + "2";
        Assert.Equal(("n", TableExport.DateTimeFormat), (sheet.Type(computedAt), sheet.Format(computedAt)));
        Assert.InRange(DateTime.FromOADate(double.Parse(sheet.Value(computedAt), System.Globalization.CultureInfo.InvariantCulture)), DateTime.Now.AddDays(-400), DateTime.Now.AddDays(400));
    }

    [Fact]
    public async Task The_english_excel_export_opens_left_to_right()
    {
        var client = await SignedInAsync("ministry");
        await client.GetAsync("/culture?culture=en-US");
        var response = await client.GetAsync($"/reports/export.xlsx?level={(int)RollupLevel.Province}");

        var sheet = new XlsxSheet(await response.Content.ReadAsByteArrayAsync());
        Assert.False(sheet.RightToLeft);
        Assert.Equal("Place", sheet.Value("A1"));
    }
}
