using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The ballot as a plain server-rendered form over HTTP: no script, no circuit.</summary>
public sealed class BallotPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<(int RoundId, List<string> NeedIds)> PardisanOpenRoundAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var round = await db.PriorityRounds.Include(r => r.Needs)
            .SingleAsync(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"));
        return (round.Id, round.Needs.Select(n => n.NeedId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    /// <summary>The form as a browser posts it: every need's id, and the rank given to some (the others sent empty).</summary>
    private static Dictionary<string, string> Form(IReadOnlyList<string> needs, params (string NeedId, string Rank)[] given)
    {
        var fields = new Dictionary<string, string>();
        var ids = needs.Concat(given.Select(g => g.NeedId).Where(id => !needs.Contains(id))).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            fields[$"Input.Needs[{i}].Id"] = ids[i];
            fields[$"Input.Needs[{i}].Rank"] = given.FirstOrDefault(g => g.NeedId == ids[i]).Rank ?? "";
        }
        return fields;
    }

    /// <summary>A resident's stored ballot in the round (ranking and time), to show a refusal wrote nothing: the demo data may have one.</summary>
    private async Task<string> StoredBallotAsync(int roundId, string mobile)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Entries)
            .Where(b => b.RoundId == roundId && db.Residents.Any(r => r.Id == b.ResidentId && r.Mobile == mobile)).ToListAsync();
        return string.Join(";", ballots.Select(b => $"{b.SubmittedAt:O}:{string.Join(",", b.RankedNeedIds())}"));
    }

    private async Task<(string Title, DateTimeOffset SubmittedAt)[]> StoredAsync(int roundId, string mobile)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var ballot = await db.Ballots.Include(b => b.Entries).SingleAsync(b => b.RoundId == roundId && db.Residents.Any(r => r.Id == b.ResidentId && r.Mobile == mobile));
        var titles = await db.Needs.Where(n => ballot.Entries.Select(e => e.NeedId).Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title);
        return ballot.RankedNeedIds().Select(id => (titles[id], ballot.SubmittedAt)).ToArray();
    }

    [Fact]
    public async Task A_resident_submits_and_revises_a_ballot_with_a_plain_form_post_and_reads_the_receipt()
    {
        var (roundId, needs) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000005");

        var page = await client.GetStringAsync($"/rounds/{roundId}/ballot");
        var document = new HtmlParser().ParseDocument(page);
        Assert.Equal(needs.Count, document.QuerySelectorAll(".ballot-card select[name$='.Rank']").Length);
        Assert.Null(document.QuerySelector(".ballot-receipt"));
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", page);

        var saved = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", Form(needs, (needs[1], "2"), (needs[0], "1")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/rounds/{roundId}/ballot?saved=1", saved.Headers.Location!.OriginalString);

        var revised = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", Form(needs, (needs[2], "1")));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var after = new HtmlParser().ParseDocument(await client.GetStringAsync($"/rounds/{roundId}/ballot?saved=1"));
        Assert.Equal("1", after.QuerySelector($"#rank-{needs[2]} option[selected]")?.GetAttribute("value"));
        Assert.Null(after.QuerySelector($"#rank-{needs[0]} option[selected]"));
        Assert.Equal("۱ از ۵ رتبه انتخاب شد", after.QuerySelector("#ballot-progress")!.TextContent.Trim());

        // The receipt is the ballot as stored: its ranking and the time it was saved, Jalali, Tehran time, Persian digits.
        var stored = await StoredAsync(roundId, "09120000005");
        var receipt = after.QuerySelector(".ballot-receipt")!;
        Assert.NotNull(receipt.QuerySelector("[role=status]"));
        Assert.Equal([$"اولویت ۱ {stored[0].Title}"], receipt.QuerySelectorAll(".ballot-ranking li").Select(li => li.TextContent.Trim()));
        var tehran = ProgrammeCalendar.LocalTime(stored[0].SubmittedAt);
        Assert.Contains(Digits.ToPersian($"{tehran:HH:mm}"), receipt.QuerySelector(".ballot-saved-at")!.TextContent);
        Assert.Contains(Digits.ToPersian(new System.Globalization.PersianCalendar().GetYear(tehran).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            receipt.QuerySelector(".ballot-saved-at")!.TextContent);
    }

    [Fact]
    public async Task A_rank_given_to_two_needs_is_refused_naming_the_rank_and_the_needs_and_nothing_is_written()
    {
        var (roundId, needs) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000007");
        var before = await StoredBallotAsync(roundId, "09120000007");

        var refused = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", Form(needs, (needs[0], "1"), (needs[1], "2"), (needs[3], "2")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var message = document.QuerySelector(".salam-error")!.TextContent;
        var titles = document.QuerySelectorAll(".ballot-card h3").ToDictionary(h => h.ParentElement!.GetAttribute("data-need")!, h => h.TextContent);
        Assert.Contains("رتبهٔ ۲", message);
        Assert.Contains($"«{titles[needs[1]]}»", message);
        Assert.Contains($"«{titles[needs[3]]}»", message);
        Assert.DoesNotContain(titles[needs[0]], message);
        Assert.Equal(new[] { needs[1], needs[3] }.Order(StringComparer.Ordinal), document.QuerySelectorAll(".ballot-card-clash").Select(c => c.GetAttribute("data-need")!).Order(StringComparer.Ordinal));
        Assert.Equal("true", document.QuerySelector($"#rank-{needs[1]}")!.GetAttribute("aria-invalid"));
        // The form comes back as the resident left it.
        Assert.Equal("2", document.QuerySelector($"#rank-{needs[3]} option[selected]")?.GetAttribute("value"));
        Assert.Equal(before, await StoredBallotAsync(roundId, "09120000007"));
    }

    [Theory]
    [InlineData("gap", "پشت سر هم")]
    [InlineData("twice", "فقط یک بار")]
    [InlineData("foreign", "در برگهٔ این دور نیست")]
    public async Task A_bad_ballot_is_refused_with_400_a_clear_message_and_nothing_written(string what, string message)
    {
        var (roundId, needs) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        const string mobile = "09120000006";
        await client.SignInResidentAsync(factory, mobile);
        var before = await StoredBallotAsync(roundId, mobile);
        var fields = what switch
        {
            "gap" => Form(needs, (needs[0], "1"), (needs[1], "3")),
            // Only a tampered form sends one need twice: the command refuses it.
            "twice" => new Dictionary<string, string> { ["Input.Needs[0].Id"] = needs[0], ["Input.Needs[0].Rank"] = "1", ["Input.Needs[1].Id"] = needs[0], ["Input.Needs[1].Rank"] = "2" },
            _ => Form(needs, ("999999", "1")),
        };

        var refused = await client.SubmitAsync($"/rounds/{roundId}/ballot", "ballot", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, body);
        if (what == "gap") Assert.Contains("رتبهٔ ۲", body);
        Assert.Equal(before, await StoredBallotAsync(roundId, mobile));
    }

    [Fact]
    public async Task Another_neighbourhoods_round_in_the_url_is_refused_with_403()
    {
        var (roundId, _) = await PardisanOpenRoundAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var foreign = await db.PriorityRounds.Where(r => r.Status == RoundStatus.Open && r.Id != roundId && !db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"))
            .Select(r => r.Id).FirstAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);

        var response = await client.GetAsync($"/rounds/{foreign}/ballot");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("این مورد خارج از حوزهٔ شماست.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Results_stay_hidden_from_residents_while_the_round_is_open()
    {
        var (roundId, _) = await PardisanOpenRoundAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000007");
        var response = await client.GetAsync($"/rounds/{roundId}/results");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("پس از بسته شدن دور", await response.Content.ReadAsStringAsync());
    }
}
