namespace Salam.Count.Tests;

/// <summary>
/// Schulze and equal shares through the command line. Expected lines were computed independently of Salam's code, by a short
/// script implementing issue 14's rules (Schulze; equal shares with cost utilities, Add1 by 1 unit, exact fractions).
/// </summary>
public sealed class MethodsThroughTheCliTests
{
    [Fact]
    public void Schulze_on_the_45_voter_example_prints_e_a_c_b_d()
    {
        var run = CliRun.Of("--method", "schulze", "--input", CliRun.DataFile("schulze-45-voters.soi"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("order: 5 > 1 > 3 > 2 > 4", run.LastLine);
    }

    [Fact]
    public void Schulze_on_the_albury_2015_election()
    {
        // Unlike Borda (… 5 > 4), Schulze puts APLIN (4) above KING (5).
        var run = CliRun.Of("--method", "schulze", "--input", CliRun.DataFile("00058-00000001.soi"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("order: 1 > 2 > 3 > 4 > 5", run.LastLine);
    }

    [Fact]
    public void Schulze_leaves_what_it_cannot_separate_tied()
    {
        // {1,2} tied on two ballots, 4 alone on one: neither of 1 and 2 beats the other; both beat 3 and 4; 3 beats 4.
        var run = CliRun.OfText("small.toi", "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 4\n2: {1,2},3\n1: 4\n", "--method", "schulze");

        Assert.Equal("order: 1 = 2 > 3 > 4", run.LastLine);
    }

    [Fact]
    public void Equal_shares_on_the_pabulib_sample_with_its_budget()
    {
        // Add1 ends at 87 per voter (15 voters name something; voter 16 named nothing); c1 first (7 supporters), then c2, then
        // c10 over c3 at the same price per unit of cost (1/4) because it is cheaper, then c5 and c8.
        var run = CliRun.Of("--method", "equal-shares", "--input", CliRun.DataFile("pardisan-sample.pb"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("16 ballots, 10 alternatives, method equal-shares, budget 1000, 15 voters named a project", run.Output[0]);
        Assert.Equal("selected: c1 c2 c5 c8 c10 cost=910", run.LastLine);
    }

    [Fact]
    public void Equal_shares_with_a_budget_given_on_the_command_line()
    {
        var run = CliRun.Of("--method", "equal-shares", "--input", CliRun.DataFile("pardisan-sample.pb"), "--budget", "600");

        Assert.Equal("selected: c2 c7 c10 cost=420", run.LastLine);
        Assert.Contains("budget 600", run.Output[0]);
    }

    [Fact]
    public void Equal_shares_that_can_fund_nothing_prints_an_empty_selection()
    {
        const string text = "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n318;100\nc1;50\nVOTES\nvoter_id;vote\n1;318\n2;c1,318\n";

        var run = CliRun.OfText("poor.pb", text, "--method", "equal-shares");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("selected: cost=0", run.LastLine);
    }

    [Fact]
    public void Equal_shares_needs_costs_and_a_budget()
    {
        var soi = CliRun.Of("--method", "equal-shares", "--input", CliRun.DataFile("schulze-45-voters.soi"));
        var noBudget = CliRun.OfText("x.pb", "META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n",
            "--method", "equal-shares");

        Assert.Equal(2, soi.ExitCode);
        Assert.Contains("equal-shares needs project costs", soi.Error);
        Assert.Equal(2, noBudget.ExitCode);
        Assert.Contains("no budget: give --budget N", noBudget.Error);
    }
}
