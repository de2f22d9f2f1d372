using Salam.Count.Files;
using Salam.Domain.Rounds.Counting;
using Salam.Domain.Rounds.Counting.Files;

namespace Salam.Count.Tests;

/// <summary>The app's canonical ballot files (BallotFiles, Salam.Domain) read back by the tool's readers: same ballots, costs, budget.</summary>
public sealed class BallotFileRoundTripTests
{
    private static readonly BallotFileNeed[] Needs =
    [
        new(40, "روشنایی کوچه; \"شب\"", 1_200_000),
        new(12, "Library, second floor", 800_000),
        new(33, "Clinic\nhours", 500_000),
        new(7, "Bus stop", 300_000),
    ];

    private static readonly IReadOnlyList<int>[] Rankings = [[12, 40], [33], [40, 12, 33], [12, 40], [], [7, 33]];

    private static BallotFileRound Round(CountingMethod method) =>
        new(9, "Round; of \"Pardisan\"", new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero), method, 3,
            method == CountingMethod.EqualShares ? 2_000_000 : null, Needs, Rankings);

    [Fact]
    public void A_soi_file_reads_back_as_the_same_rankings_of_alternatives_in_approval_order()
    {
        var round = Round(CountingMethod.Schulze);
        var written = BallotFiles.Write(round);

        var file = PrefLibFile.Read(written.Content, written.FileName);

        Assert.Equal(["1", "2", "3", "4"], file.Alternatives.Select(a => a.Id));
        Assert.Equal(["روشنایی کوچه; \"شب\"", "Library, second floor", "Clinic hours", "Bus stop"], file.Alternatives.Select(a => a.Name));
        var needOf = Needs.ToDictionary(n => BallotFiles.AlternativeNumber(round, n.NeedId).ToString(), n => n.NeedId);
        Assert.Equal(Canonical(Rankings), Canonical(file.Ballots.Select(b => b.Named.Select(id => needOf[id]).ToList())));
        Assert.All(file.Ballots, b => Assert.All(b.Groups, g => Assert.Single(g)));
    }

    [Fact]
    public void A_pb_file_reads_back_as_the_same_votes_costs_and_budget()
    {
        var written = BallotFiles.Write(Round(CountingMethod.EqualShares));

        var file = PabulibFile.Read(written.Content);

        Assert.Equal(2_000_000, file.Budget);
        Assert.True(file.Ranked);
        Assert.Equal(3, file.MaxLength);
        Assert.Equal(["7", "12", "33", "40"], file.Alternatives.Select(a => a.Id));
        Assert.Equal([300_000L, 800_000L, 500_000L, 1_200_000L], file.Alternatives.Select(a => a.Cost!.Value));
        Assert.Equal("روشنایی کوچه; \"شب\"", file.Alternatives[3].Name);
        Assert.Equal(Canonical(Rankings), Canonical(file.Ballots.Select(b => b.Named.Select(int.Parse).ToList())));
    }

    [Fact]
    public void The_tool_counts_a_written_file_like_the_app()
    {
        // K = 3 as the round's: the app's Borda over the rankings and the tool over the .soi must agree, alternative by need.
        var round = Round(CountingMethod.Borda);
        var written = BallotFiles.Write(round);
        var app = new BordaCount().Count(CountInput.Ranked(3, Needs.Select(n => n.NeedId).ToList(), Rankings));
        var expected = "order: " + string.Join(" > ", app.MethodOrder.Select(g =>
            string.Join(" = ", g.Select(id => BallotFiles.AlternativeNumber(round, id)).Order())));

        var run = CliRun.OfBytes(written.FileName, written.Content, "--method", "borda", "--ranks", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.LastLine);
    }

    [Fact]
    public void The_tool_counts_a_written_soi_file_by_schulze_like_the_app()
    {
        var round = Round(CountingMethod.Schulze);
        var written = BallotFiles.Write(round);
        var app = new SchulzeCount().Count(CountInput.Ranked(3, Needs.Select(n => n.NeedId).ToList(), Rankings));
        var expected = "order: " + string.Join(" > ", app.MethodOrder.Select(g =>
            string.Join(" = ", g.Select(id => BallotFiles.AlternativeNumber(round, id)).Order())));

        var run = CliRun.OfBytes(written.FileName, written.Content, "--method", "schulze");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.LastLine);
    }

    [Fact]
    public void The_tool_counts_a_written_pb_file_by_equal_shares_like_the_app()
    {
        var round = Round(CountingMethod.EqualShares);
        var written = BallotFiles.Write(round);
        var input = new CountInput(3, Needs.Select(n => new CountedNeed(n.NeedId, n.Cost)).ToList(), Rankings.Select(RankedBallot.Strict).ToList(), round.Budget);
        var app = new EqualSharesCount().Count(input);
        var funded = app.Results.Where(r => r.Funded == true).Select(r => r.NeedId).Order().ToList();
        var expected = string.Join(' ', ["selected:", .. funded.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"cost={Needs.Where(n => funded.Contains(n.NeedId)).Sum(n => n.Cost!.Value)}"]);

        var run = CliRun.OfBytes(written.FileName, written.Content, "--method", "equal-shares");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.LastLine);
        Assert.NotEqual("selected: cost=0", run.LastLine);
    }

    [Theory]
    [InlineData(CountingMethod.Borda, "# PUBLICATION DATE: 2026-12-04")]
    [InlineData(CountingMethod.EqualShares, "date_end;04.12.2026")]
    public void The_same_ballots_give_the_same_bytes_whatever_the_culture_of_the_request(CountingMethod method, string dateLine)
    {
        // The close freezes the hash under the facilitator's culture (Persian by default) and a recount recomputes it under the
        // officer's: a date in the Persian calendar or culture-formatted numbers would make them disagree.
        var cultures = new[] { "fa-IR", "en-US", "ar-SA", "" }.Select(System.Globalization.CultureInfo.GetCultureInfo);
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var files = cultures.Select(culture =>
            {
                System.Globalization.CultureInfo.CurrentCulture = culture;
                return BallotFiles.Write(Round(method));
            }).ToList();

            Assert.Single(files.Select(f => f.Sha256).Distinct());
            Assert.Contains(dateLine + "\n", System.Text.Encoding.UTF8.GetString(files[0].Content));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    private static List<string> Canonical(IEnumerable<IReadOnlyList<int>> rankings) =>
        rankings.Select(r => string.Join(',', r)).Order(StringComparer.Ordinal).ToList();
}
