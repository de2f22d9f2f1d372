using Bunit;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Web.Components.Pages.Rounds.Parts;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The count record on the results page: what anyone needs to check the count, and the file only when it is offered.</summary>
public sealed class CountRecordTests : ComponentTest
{
    private const string Sha = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    private static RoundResults Round(CountingMethod method, bool fileAvailable, int online, int paper, RecountView? recount) =>
        new(42, "دور", RoundStatus.Published, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 3, 40, online, paper,
            [new ResultRow(1, 7, "<i>پارک</i>", NeedCategory.Health, 5, 2, Alternative: 2, Cost: 100, Funded: method == CountingMethod.EqualShares ? true : null)],
            method, method == CountingMethod.EqualShares ? 1000 : null,
            new CountRecordView(Sha, "1.0.0+abc123", DateTimeOffset.UtcNow, online, paper, fileAvailable, null, null, recount));

    [Fact]
    public void A_published_record_gives_the_hash_the_code_version_the_totals_the_file_and_the_command_that_checks_it()
    {
        Use(Cultures.Persian);
        var results = Round(CountingMethod.EqualShares, fileAvailable: true, online: 9, paper: 3, new RecountView(DateTimeOffset.UtcNow, true));
        var record = Render<CountRecord>(p => p.Add(c => c.Results, results).Add(c => c.Count, results.Count!));

        Assert.Equal(Sha, record.Find(".count-sha").TextContent);
        Assert.Equal("1.0.0+abc123", record.Find(".count-version").TextContent);
        Assert.Contains("۹ برخط، ۳ کاغذی", record.Markup);
        Assert.Contains("با سابقهٔ شمارش یکی است", record.Find(".count-last-recount").TextContent);
        Assert.Equal("/rounds/42/ballots", record.Find("a.count-download").GetAttribute("href"));
        Assert.Contains("salam-round-42.pb", record.Find("a.count-download").TextContent);
        Assert.Equal("dotnet run -c Release --project tools/Salam.Count -- --method equal-shares --input salam-round-42.pb", record.Find(".count-command").TextContent);
        Assert.Equal("ltr", record.Find(".count-command").GetAttribute("dir"));
    }

    [Theory]
    [InlineData(CountingMethod.Borda, "--method borda --input salam-round-42.soi --ranks 3")]
    [InlineData(CountingMethod.Schulze, "--method schulze --input salam-round-42.soi")]
    public void Ranked_methods_give_their_own_command(CountingMethod method, string tail)
    {
        Use(Cultures.English);
        var results = Round(method, fileAvailable: true, online: 12, paper: 0, null);
        var record = Render<CountRecord>(p => p.Add(c => c.Results, results).Add(c => c.Count, results.Count!));
        Assert.EndsWith(tail, record.Find(".count-command").TextContent);
        Assert.Contains("Not recounted yet", record.Find(".count-last-recount").TextContent);
    }

    [Fact]
    public void Under_the_privacy_floor_there_is_no_file_and_the_page_says_why()
    {
        Use(Cultures.English);
        var results = Round(CountingMethod.Borda, fileAvailable: false, online: 6, paper: 2, new RecountView(DateTimeOffset.UtcNow, false));
        var record = Render<CountRecord>(p => p.Add(c => c.Results, results).Add(c => c.Count, results.Count!));
        Assert.Empty(record.FindAll("a.count-download, .count-command"));
        Assert.Contains("Fewer than 10 ballots", record.Find(".count-no-file").TextContent);
        Assert.Contains("does not agree", record.Find(".count-last-recount").TextContent);
    }
}
