using System.Net;

namespace Salam.E2E.Tests;

/// <summary>
/// A cookie and an antiforgery token issued by one node are accepted by the other: the Data Protection keys live in the
/// shared database. Two starts are shown: nodes started at once on an empty key ring (each makes its own key, and
/// Data Protection's refresh on an unknown key in a node's first two minutes bridges them), and nodes started after
/// <c>migrate</c>, which made the one key they all use (docs/decisions/0010-several-nodes.md).
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class TwoNodesSignInTests(TwoNodesCluster cluster)
{
    private const string Keys = "DataProtectionKeys";

    [PostgreSqlFact]
    public async Task Nodes_started_at_once_on_an_empty_key_ring_each_make_a_key_and_still_take_each_others_cookies_and_tokens()
    {
        await using var database = await cluster.NewDatabaseAsync();
        await database.ExecuteAsync($"DELETE FROM \"{Keys}\"");
        TwoNodesNode a, b;
        await using (await database.HoldLockAsync(Keys, "ACCESS EXCLUSIVE"))
        {
            a = TwoNodesNode.Start("A", database.ConnectionString);
            // B's read of the key ring waits for as long as A takes to start (a loaded machine: longer than the default 30 s).
            b = TwoNodesNode.Start("B", database.ConnectionString + ";Command Timeout=600");
            await database.WaitUntilAsync("both nodes reading the key ring", database.WaitingOn(Keys), 2, TimeSpan.FromMinutes(3), () => a.Log + "\n---\n" + b.Log);
            // B has asked for the keys too; paused, it reads the (empty) answer only after A has made its key and started.
            await b.PauseAsync();
        }
        await using (a)
        await using (b)
        {
            await a.WaitUntilHealthyAsync();
            await b.ResumeAsync();
            await b.WaitUntilHealthyAsync();

            // Each made a key. Which one each then protects with depends on when B's re-read of the ring lands (seen both ways
            // in CI), so the test asserts what a user depends on: cookies and tokens cross both ways.
            Assert.Equal(2, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM \"{Keys}\""));
            var keyOfB = await KeyOfAsync(b);

            var voters = await database.RowsAsync(TwoNodesSql.Voters, ("n", 2));
            await BallotAcrossAsync(database, a, b, voters[0][0], int.Parse(voters[0][1], System.Globalization.CultureInfo.InvariantCulture));
            // B's cookie carries a key A has never read: A re-reads the ring (its first two minutes allow it) and accepts it.
            await BallotAcrossAsync(database, b, a, voters[1][0], int.Parse(voters[1][1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(keyOfB, await KeyOfAsync(a));
        }
    }

    [PostgreSqlFact]
    public async Task Nodes_started_at_once_after_migrate_all_protect_with_the_one_key_migrate_made()
    {
        await using var database = await cluster.NewDatabaseAsync();
        await database.ExecuteAsync($"DELETE FROM \"{Keys}\"");
        var (exitCode, output) = await TwoNodesNode.RunCommandAsync(database.ConnectionString, "migrate");
        Assert.True(exitCode == 0, output);
        Assert.Equal(1, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM \"{Keys}\""));
        var key = Guid.Parse((await database.ScalarAsync<string>($"SELECT \"FriendlyName\" FROM \"{Keys}\""))["key-".Length..]);

        var (a, b) = await StartTogetherAsync(database);
        await using (a)
        await using (b)
        {
            Assert.Equal(1, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM \"{Keys}\""));
            Assert.Equal(key, await KeyOfAsync(a));
            Assert.Equal(key, await KeyOfAsync(b));
            var voter = (await database.RowsAsync(TwoNodesSql.Voters, ("n", 1)))[0];
            await BallotAcrossAsync(database, a, b, voter[0], int.Parse(voter[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Starts two nodes while the test holds the key table locked, so both read the key ring before either can write to
    /// it: what happens when two nodes start at the same moment, made certain.
    /// </summary>
    private static async Task<(TwoNodesNode A, TwoNodesNode B)> StartTogetherAsync(TwoNodesDatabase database)
    {
        TwoNodesNode a, b;
        await using (await database.HoldLockAsync(Keys, "ACCESS EXCLUSIVE"))
        {
            a = TwoNodesNode.Start("A", database.ConnectionString);
            b = TwoNodesNode.Start("B", database.ConnectionString);
            await database.WaitUntilAsync("both nodes reading the key ring", database.WaitingOn(Keys), 2, TimeSpan.FromMinutes(3), () => a.Log + "\n---\n" + b.Log);
        }
        await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());
        return (a, b);
    }

    /// <summary>The key a node protects with now: the one its antiforgery cookie for a new visitor was made with.</summary>
    private static async Task<Guid> KeyOfAsync(TwoNodesNode node)
    {
        using var visitor = new TwoNodesVisitor();
        Assert.Equal(HttpStatusCode.OK, (await visitor.On(node).GetAsync("/signin")).StatusCode);
        return TwoNodesVisitor.KeyIdOf(visitor.AntiforgeryCookie());
    }

    /// <summary>A resident signs in on one node, reads the ballot there, and the post goes to the other node: stored.</summary>
    private static async Task BallotAcrossAsync(TwoNodesDatabase database, TwoNodesNode signIn, TwoNodesNode post, string mobile, int round)
    {
        using var resident = new TwoNodesVisitor();
        await resident.SignInResidentAsync(signIn, mobile);

        var path = $"/rounds/{round}/ballot";
        var (response, posted) = await resident.PostFormAcrossAsync(signIn, post, path, "ballot", TwoNodesSql.Ranks(1, 0));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{post.Name} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{post.Log}");
        Assert.EndsWith($"{path}?saved=1", response.Headers.Location!.OriginalString);
        var stored = await database.RowsAsync(TwoNodesSql.BallotsOf, ("mobile", mobile), ("round", round));
        Assert.Equal(TwoNodesSql.Expected(posted, 1, 0), Assert.Single(stored)[0]);
    }
}
