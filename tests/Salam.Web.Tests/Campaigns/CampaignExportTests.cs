using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Salam.Application.Campaigns.Queries.GetCampaign;
using Salam.Domain.Campaigns;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Campaigns;

/// <summary>
/// A campaign's CSV and Excel exports: one row per donation in the caller's scope, whose sums agree with the campaign page's
/// figures; donor names typed as formulas are neutralised; an anonymous donor is named only to the recording centre.
/// </summary>
public sealed class CampaignExportTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Formula = "=cmd|' /C calc'!A0";
    private const string Script = "<script>alert('x')</script>";
    private const string Secret = "نیکوکار بی‌نام";

    private async Task<(QomPlaces Qom, int CampaignId)> ArrangeOnceAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var qom = await QomPlaces.FindAsync(db);
        if (db.Campaigns.Where(c => c.Name == "پویش صادرات").Select(c => (int?)c.Id).SingleOrDefault() is { } existing) return (qom, existing);

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var campaign = await qom.CampaignAsync(db, now, "پویش صادرات");
        var allocated = qom.Gift(campaign, qom.PardisanCentre, "خانوادهٔ رضایی", 12_500_000, "R-1", now);
        var formula = qom.Gift(campaign, qom.PardisanCentre, Formula, 3_000_000, "R-2", now);
        var script = qom.Gift(campaign, qom.KahakCentre, Script, 700_000, "K-1", now, kind: DonorKind.Company);
        var secret = qom.Gift(campaign, qom.PardisanCentre, Secret, 1_000_000, "R-3", now, anonymous: true);
        var pledge = qom.Pledge(campaign, qom.KahakCentre, "شرکت نور", 9_000_000, now);
        db.Donations.AddRange(allocated, formula, script, secret, pledge);
        await db.SaveChangesAsync();
        var allocation = allocated.Allocate(5_000_000, qom.Pardisan, null, null, "بسته‌های غذایی", 1, now);
        allocated.Allocate(2_000_000, qom.Pardisan, null, null, "لوازم مدرسه", 1, now);
        await db.SaveChangesAsync();
        allocated.Deliver(allocation.Id, Salam.Domain.Common.ProgrammeCalendar.DayOf(now), 1, now);
        await db.SaveChangesAsync();
        return (qom, campaign.Id);
    }

    private static List<Dictionary<string, string>> Csv(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        return rows;
    }

    private async Task<CampaignReport> PageAsync(string userName, int campaignId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await PrincipalAsync(scope, userName);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetCampaign(campaignId));
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(AsyncServiceScope scope, string userName)
    {
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await claims.CreateAsync((await users.FindByNameAsync(userName))!);
    }

    private async Task<HttpClient> SignedInAsync(string userName, bool english = true)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        if (english) await client.GetAsync("/culture?culture=en-US");
        return client;
    }

    [Fact]
    public async Task The_officer_s_csv_has_one_row_per_donation_whose_sums_agree_with_the_campaign_page()
    {
        var (_, id) = await ArrangeOnceAsync();
        var client = await SignedInAsync(QomPlaces.Officer);
        var response = await client.GetAsync($"/campaigns/{id}/export.csv");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var rows = Csv(await response.Content.ReadAsByteArrayAsync());
        var page = await PageAsync(QomPlaces.Officer, id);

        Assert.Equal(5, rows.Count);
        long Sum(IEnumerable<Dictionary<string, string>> lines, string column) => lines.Sum(r => long.Parse(r[column], NumberStyles.None, CultureInfo.InvariantCulture));
        var received = rows.Where(r => r["Status"] is "Received" or "Allocated" or "Delivered" && r["Unit"] == "rials");
        Assert.Equal(page.Totals.ReceivedRials, Sum(received, "Amount"));
        Assert.Equal(page.Totals.AllocatedRials, Sum(rows, "Allocated"));
        Assert.Equal(page.Totals.DeliveredRials, Sum(rows, "Delivered"));
        Assert.Equal((17_200_000L, 7_000_000L, 5_000_000L), (page.Totals.ReceivedRials, page.Totals.AllocatedRials, page.Totals.DeliveredRials));
        // Each centre's rows agree with its line of the page's table.
        foreach (var centre in page.ByCentre)
            Assert.Equal(centre.Figures.ReceivedRials, Sum(received.Where(r => r["Centre"] == centre.Name.En), "Amount"));
    }

    [Fact]
    public async Task A_donor_name_typed_as_a_formula_is_neutralised_and_markup_stays_plain_text_in_csv_and_excel()
    {
        var (_, id) = await ArrangeOnceAsync();
        var client = await SignedInAsync(QomPlaces.Officer);

        var rows = Csv(await client.GetByteArrayAsync($"/campaigns/{id}/export.csv"));
        Assert.Contains(rows, r => r["Donor"] == "'" + Formula);
        Assert.DoesNotContain(rows, r => r["Donor"] == Formula);
        Assert.Contains(rows, r => r["Donor"] == Script);

        using var stream = new MemoryStream(await client.GetByteArrayAsync($"/campaigns/{id}/export.xlsx"));
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(sheet, r => Equals(r["Donor"], "'" + Formula));
        Assert.Equal(17_200_000L, sheet.Where(r => Equals(r["Unit"], "rials") && !Equals(r["Status"], "Pledged"))
            .Sum(r => Convert.ToInt64(r["Amount"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_anonymous_donor_is_named_in_the_recording_centre_s_export_only()
    {
        var (_, id) = await ArrangeOnceAsync();

        var officer = Csv(await (await SignedInAsync(QomPlaces.Officer)).GetByteArrayAsync($"/campaigns/{id}/export.csv"));
        Assert.DoesNotContain(officer, r => r["Donor"].Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(officer, r => r["Donor"] == "A benefactor (anonymous)");

        var centre = Csv(await (await SignedInAsync(QomPlaces.Facilitator)).GetByteArrayAsync($"/campaigns/{id}/export.csv"));
        Assert.Contains(centre, r => r["Donor"] == Secret);
        // The facilitator's export holds their own centre's donations only.
        Assert.All(centre, r => Assert.Equal("Pardisan Positive Life Centre", r["Centre"]));
    }

    [Fact]
    public async Task Another_province_s_officer_and_a_signed_out_caller_get_no_export()
    {
        var (_, id) = await ArrangeOnceAsync();
        var other = await (await SignedInAsync("officer.mazandaran")).GetAsync($"/campaigns/{id}/export.csv");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, other.StatusCode);
        var anonymous = await factory.NewClient().GetAsync($"/campaigns/{id}/export.csv");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await (await SignedInAsync(QomPlaces.Officer)).GetAsync($"/campaigns/{id}/export.pdf")).StatusCode);
    }
}
