using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Campaigns;

/// <summary>
/// A campaign's public page /c/{id}: plain HTML without script, cached like the other public pages, its progress in Persian
/// digits, thanks to named donors only (an anonymous donor is never named), donor names shown as text, and nothing before the
/// campaign starts.
/// </summary>
public sealed class CampaignPublicPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Hidden = "نیکوکار پنهان";
    private const string Named = "خانوادهٔ رضایی";
    private const string Script = "<script>alert('x')</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    private async Task<(int Open, int Coming)> ArrangeOnceAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var qom = await QomPlaces.FindAsync(db);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (db.Campaigns.Where(c => c.Name == "پویش عمومی").Select(c => (int?)c.Id).SingleOrDefault() is { } open)
            return (open, db.Campaigns.Where(c => c.Name == "پویش آینده").Select(c => c.Id).Single());

        var campaign = await qom.CampaignAsync(db, now, "پویش عمومی", goalRials: 50_000_000);
        db.Donations.AddRange(
            qom.Gift(campaign, qom.PardisanCentre, Named, 12_500_000, "P-1", now, kind: DonorKind.Charity),
            qom.Gift(campaign, qom.PardisanCentre, Hidden, 2_000_000, "P-2", now, anonymous: true),
            qom.Gift(campaign, qom.KahakCentre, Script + Image, 1_000_000, "K-1", now, kind: DonorKind.Company));
        var today = ProgrammeCalendar.DayOf(now);
        var coming = new Campaign("پویش آینده", "", today.AddDays(10), today.AddDays(20), CampaignScope.Province, qom.Province, null, [], 1_000_000, [],
            [qom.PardisanCentre], 1, now);
        db.Campaigns.Add(coming);
        await db.SaveChangesAsync();
        return (campaign.Id, coming.Id);
    }

    [Fact]
    public async Task Anyone_reads_a_started_campaign_as_plain_cached_html_with_its_progress_in_persian_digits_and_no_script()
    {
        var (open, _) = await ArrangeOnceAsync();
        var response = await factory.NewClient().GetAsync($"/c/{open}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("پویش عمومی", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("۱۵٬۵۰۰٬۰۰۰ ریال (۱٬۵۵۰٬۰۰۰ تومان)", page.QuerySelector(".campaign-stage-received")!.TextContent);
        Assert.Contains("۵۰٬۰۰۰٬۰۰۰ ریال", page.QuerySelector(".campaign-goal")!.TextContent);
    }

    [Fact]
    public async Task Named_donors_are_thanked_and_an_anonymous_donor_is_never_named_while_payloads_stay_text()
    {
        var (open, _) = await ArrangeOnceAsync();
        var html = await factory.NewClient().GetStringAsync($"/c/{open}?culture=en-US");
        var page = new HtmlParser().ParseDocument(html);

        var donors = page.QuerySelectorAll(".campaign-donor").Select(d => d.TextContent).ToList();
        Assert.Contains(donors, d => d.Contains(Named, StringComparison.Ordinal));
        Assert.DoesNotContain(Hidden, html);
        Assert.Contains(donors, d => d.Contains(Script + Image, StringComparison.Ordinal));
        Assert.DoesNotContain(Script, html);
        Assert.Empty(page.QuerySelectorAll("script, img[onerror], a[href^='javascript']"));
    }

    [Fact]
    public async Task A_campaign_that_has_not_started_and_an_unknown_one_answer_404_and_are_not_cached_publicly()
    {
        var (_, coming) = await ArrangeOnceAsync();
        foreach (var url in new[] { $"/c/{coming}", "/c/987654" })
        {
            var response = await factory.NewClient().GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotEqual("public, max-age=300", response.Headers.CacheControl?.ToString());
        }
    }
}
