using System.Globalization;
using System.Net;

namespace Salam.E2E.Tests;

/// <summary>
/// Ballots posted alternately to two nodes, all at once: each is stored once, none is lost. Every resident votes twice,
/// the second time on the other node (a revision), so a node that inserted instead of replacing would show a duplicate.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class TwoNodesBallotTests(TwoNodesCluster cluster)
{
    private const int Residents = 12;

    [PostgreSqlFact]
    public async Task Ballots_posted_alternately_to_both_nodes_are_each_stored_once()
    {
        await using var database = await cluster.NewDatabaseAsync();
        await using var a = TwoNodesNode.Start("A", database.ConnectionString);
        await using var b = TwoNodesNode.Start("B", database.ConnectionString);
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        TwoNodesNode[] nodes = [a, b];

        var voters = (await database.RowsAsync(TwoNodesSql.Voters, ("n", Residents)))
            .Select(row => (Mobile: row[0], Round: int.Parse(row[1], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Residents, voters.Count);
        var ballotsBefore = await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"Ballots\"");
        var theirsBefore = 0;
        foreach (var (mobile, round) in voters) theirsBefore += (await database.RowsAsync(TwoNodesSql.BallotsOf, ("mobile", mobile), ("round", round))).Count;

        var expected = await Task.WhenAll(voters.Select(async (voter, i) =>
        {
            using var resident = new TwoNodesVisitor();
            var (first, second) = (nodes[i % 2], nodes[(i + 1) % 2]);
            await resident.SignInResidentAsync(first, voter.Mobile);
            var path = $"/rounds/{voter.Round}/ballot";
            var (voted, _) = await resident.PostFormAcrossAsync(first, first, path, "ballot", TwoNodesSql.Ranks(0, 1));
            var (revised, posted) = await resident.PostFormAcrossAsync(first, second, path, "ballot", TwoNodesSql.Ranks(2, 0));
            Assert.True(Saved(voted), $"{voter.Mobile} on {first.Name}: {voted.StatusCode} {voted.Headers.Location}");
            Assert.True(Saved(revised), $"{voter.Mobile} on {second.Name}: {revised.StatusCode} {revised.Headers.Location}");
            return (voter.Mobile, voter.Round, Ballot: TwoNodesSql.Expected(posted, 2, 0));
        }));

        foreach (var (mobile, round, ballot) in expected)
            Assert.Equal(ballot, Assert.Single(await database.RowsAsync(TwoNodesSql.BallotsOf, ("mobile", mobile), ("round", round)))[0]);
        Assert.Equal(ballotsBefore - theirsBefore + Residents, await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"Ballots\""));
    }

    /// <summary>Accepted: redirected to the receipt (a refused post shows the form again; a lost session goes to sign-in).</summary>
    private static bool Saved(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.EndsWith("/ballot?saved=1", StringComparison.Ordinal);
}
