namespace Salam.Count.Tests;

/// <summary>The command line as issue 14 fixes it: the result is the last line of standard output, exit code 0; refusals exit 2.</summary>
public sealed class CountCommandTests
{
    private const string Toi = "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 4\n# NUMBER VOTERS: 3\n# NUMBER UNIQUE ORDERS: 2\n2: {1,2},3\n1: 4\n";

    [Fact]
    public void Borda_on_the_45_voter_example_gives_the_hand_counted_order()
    {
        // K = 5: E 147, A 143, B 137, C 134, D 114 (A..E = 1..5), counted by hand from the eight orders of the file.
        var run = CliRun.Of("--method", "borda", "--input", CliRun.DataFile("schulze-45-voters.soi"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("order: 5 > 1 > 2 > 3 > 4", run.LastLine);
        Assert.Equal("", run.Error);
        Assert.Contains("45 ballots, 5 alternatives", run.Output[0]);
    }

    [Fact]
    public void Borda_leaves_equal_totals_tied_and_a_tied_group_earns_its_first_rank()
    {
        // K = 4: {1,2} at rank 1 earn 4 each, 3 at rank 3 earns 2, twice; 4 at rank 1 earns 4 once: 8, 8, 4, 4.
        var run = CliRun.OfText("small.toi", Toi, "--method", "borda");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("order: 1 = 2 > 3 = 4", run.LastLine);
    }

    [Fact]
    public void Ranks_sets_k_and_ranks_below_k_earn_nothing()
    {
        // K = 2: {1,2} earn 2 each twice, 3 sits at rank 3 and earns 0; 4 earns 2 once: 4, 4, 0, 2.
        var run = CliRun.OfText("small.toi", Toi, "--method", "borda", "--ranks", "2");

        Assert.Equal("order: 1 = 2 > 4 > 3", run.LastLine);
    }

    [Fact]
    public void Borda_on_an_ordinal_pb_file_prints_the_files_own_ids_in_natural_order()
    {
        // K = 3 projects: c10 3 + 2, c2 2 + 3, c1 3 (voter 3 named nothing): c2 and c10 tie, listed c2 before c10.
        var run = CliRun.OfText("small.pb", PabulibFileTests.Ordinal, "--method", "borda");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("order: c2 = c10 > c1", run.LastLine);
    }

    [Fact]
    public void Borda_on_a_pb_file_takes_k_from_max_length()
    {
        // K = 1: only first ranks count: c10 1, c2 1, c1 1: all tied.
        var text = PabulibFileTests.Ordinal.Replace("vote_type;ordinal", "vote_type;ordinal\nmax_length;1");

        var run = CliRun.OfText("small.pb", text, "--method", "borda");

        Assert.Equal("order: c1 = c2 = c10", run.LastLine);
    }

    [Fact]
    public void Approval_votes_are_not_counted_by_a_ranked_method()
    {
        var text = PabulibFileTests.Ordinal.Replace("vote_type;ordinal", "vote_type;approval");

        var run = CliRun.OfText("small.pb", text, "--method", "borda");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("approval votes rank nothing", run.Error);
    }

    [Fact]
    public void A_malformed_file_exits_2_naming_its_line_and_prints_no_result()
    {
        var run = CliRun.OfText("bad.soi", "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n1: 1,2\r\n2: 3,9\n", "--method", "borda");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("bad.soi, line 4: alternative 9 is not between 1 and 3", run.Error);
    }

    [Fact]
    public void A_malformed_pb_file_exits_2_naming_its_line()
    {
        var text = PabulibFileTests.Ordinal.ReplaceLineEndings("\n").Replace("2;\"c2,c10\"", "2;\"c2,c10");

        var run = CliRun.OfText("bad.pb", text, "--method", "borda");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.pb, line 17: a quote left open", run.Error);
    }

    [Theory]
    [InlineData(new string[0], "--method is missing")]
    [InlineData(new[] { "--method", "borda" }, "--input is missing")]
    [InlineData(new[] { "--method", "plurality", "--input", "x.soi" }, "unknown method 'plurality'")]
    [InlineData(new[] { "--method", "borda", "--input", "x.soi", "--ranks", "0" }, "--ranks must be a whole number of at least 1")]
    [InlineData(new[] { "--method", "borda", "--input", "x.soi", "--budget", "10" }, "--budget applies to equal-shares only")]
    [InlineData(new[] { "--method", "borda", "--input" }, "--input needs a value")]
    [InlineData(new[] { "--method", "borda", "--method", "borda", "--input", "x.soi" }, "--method is given twice")]
    [InlineData(new[] { "--method", "borda", "--input", "x.soi", "--verbose", "1" }, "unknown argument '--verbose'")]
    public void Bad_arguments_exit_2_with_the_reason_and_the_usage(string[] args, string reason)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains(reason, run.Error);
        Assert.Contains("usage: dotnet run -c Release --project tools/Salam.Count --", run.Error);
    }

    [Fact]
    public void A_missing_file_or_an_unknown_kind_of_file_exits_2()
    {
        var missing = CliRun.Of("--method", "borda", "--input", Path.Combine(Path.GetTempPath(), "salam-no-such-file.soi"));
        var unknown = CliRun.OfText("ballots.csv", "1,2\n", "--method", "borda");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read", missing.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown file type '.csv'", unknown.Error);
    }
}
