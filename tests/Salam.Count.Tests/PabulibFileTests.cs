using System.Text;
using Salam.Count.Files;

namespace Salam.Count.Tests;

public sealed class PabulibFileTests
{
    internal const string Ordinal = """"
        META
        key;value
        description;"Small PB; hand-made, with a semicolon"
        country;Iran
        num_projects;3
        num_votes;4
        budget;100
        vote_type;ordinal
        PROJECTS
        project_id;cost;name
        c10;50;"Park, lights"
        c2;30;کتابخانه محله
        c1;40;"He said ""hi"""
        VOTES
        voter_id;vote
        1;c10,c2
        2;"c2,c10"
        3;
        4;c1
        """";

    [Fact]
    public void Reads_projects_in_natural_id_order_with_costs_names_and_one_voter_per_row()
    {
        var file = PabulibFile.Read(Ordinal);

        Assert.Equal(["c1", "c2", "c10"], file.Alternatives.Select(a => a.Id));
        Assert.Equal(["He said \"hi\"", "کتابخانه محله", "Park, lights"], file.Alternatives.Select(a => a.Name));
        Assert.Equal([40L, 30L, 50L], file.Alternatives.Select(a => a.Cost!.Value));
        Assert.Equal(100, file.Budget);
        Assert.True(file.Ranked);
        Assert.Equal(4, file.Ballots.Count);
        Assert.Equal([["c10"], ["c2"]], file.Ballots[0].Groups);
        Assert.Equal([["c2"], ["c10"]], file.Ballots[1].Groups);
        Assert.Empty(file.Ballots[2].Groups);
    }

    [Fact]
    public void Crlf_endings_a_byte_order_mark_and_spaces_after_separators_read_the_same()
    {
        var spaced = Ordinal.Replace(";", "; ").Replace("; \"", ";\"").ReplaceLineEndings("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(spaced)).ToArray();

        var file = PabulibFile.Read(bytes);

        var plain = PabulibFile.Read(Ordinal.ReplaceLineEndings("\n"));
        Assert.Equal(plain.Alternatives, file.Alternatives);
        Assert.Equal(plain.Ballots.Select(b => b.Groups), file.Ballots.Select(b => b.Groups));
    }

    [Fact]
    public void Approval_votes_are_one_group_and_numeric_ids_sort_by_value()
    {
        const string approval = "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost;category\n318;200;\"sport,culture\"\n27;300;health\n"
            + "VOTES\nvoter_id;age;vote;sex\n1;34;318,27;f\n2;51;27;m\n";

        var file = PabulibFile.Read(approval);

        Assert.Equal(["27", "318"], file.Alternatives.Select(a => a.Id));
        Assert.Equal([["318", "27"]], file.Ballots[0].Groups);
        Assert.False(file.Ranked);
    }

    [Theory]
    [InlineData("cumulative")]
    [InlineData("scoring")]
    public void Votes_with_points_are_refused_rather_than_read_as_approvals(string voteType)
    {
        var text = Ordinal.Replace("vote_type;ordinal", $"vote_type;{voteType}");

        var refusal = Assert.Throws<BallotFileException>(() => PabulibFile.Read(text));

        Assert.Equal(8, refusal.Line);
        Assert.Contains($"vote_type '{voteType}' is not read", refusal.Reason);
    }

    [Theory]
    [InlineData("2;\"c2,c10\"", "2;\"c2,c10", 17, "a quote left open")]
    [InlineData("2;\"c2,c10\"", "2;c2\"x\",c10", 17, "a stray quote")]
    [InlineData("4;c1", "4;c1,c3", 19, "the vote names 'c3', which is not a project")]
    [InlineData("4;c1", "4;c1,c1", 19, "the vote names project c1 twice")]
    [InlineData("4;c1", "4;c1;extra", 19, "expected 2 fields as in the VOTES header, found 3")]
    [InlineData("c2;30;", "c2;thirty;", 12, "cost 'thirty' is not a whole number")]
    [InlineData("c2;30;", "c2;0;", 12, "costs 0: a cost must be at least 1")]
    [InlineData("c2;30;", "c10;30;", 12, "project c10 is listed twice")]
    [InlineData("num_votes;4", "num_votes;5", 6, "num_votes says 5 but the file holds 4")]
    [InlineData("budget;100", "budget;100.5", 7, "budget '100.5' is not a whole number")]
    [InlineData("PROJECTS", "VOTES", 9, "section VOTES out of place")]
    [InlineData("country;Iran", "country;Iran;extra", 4, "expected 'key;value' in META")]
    public void A_malformed_file_is_refused_with_its_line(string original, string broken, int line, string reason)
    {
        var text = Ordinal.ReplaceLineEndings("\n").Replace(original, broken).ReplaceLineEndings("\r\n");

        var refusal = Assert.Throws<BallotFileException>(() => PabulibFile.Read(text));

        Assert.Equal(line, refusal.Line);
        Assert.Contains(reason, refusal.Reason);
    }

    [Fact]
    public void A_quote_left_open_is_refused_on_its_own_line_and_never_swallows_the_rows_after_it()
    {
        // Read leniently, the open quote on line 11 would run on to the quote closing line 12, and project c2 would vanish.
        var text = Ordinal.ReplaceLineEndings("\n").Replace("c10;50;\"Park, lights\"", "c10;50;\"Park, lights").Replace("c2;30;کتابخانه محله", "c2;30;کتابخانه\"");

        var refusal = Assert.Throws<BallotFileException>(() => PabulibFile.Read(text));

        Assert.Equal(11, refusal.Line);
        Assert.Contains("a quote left open", refusal.Reason);
    }

    [Fact]
    public void A_file_without_its_votes_is_refused()
    {
        var text = Ordinal[..Ordinal.IndexOf("VOTES", StringComparison.Ordinal)];

        var refusal = Assert.Throws<BallotFileException>(() => PabulibFile.Read(text));

        Assert.Contains("ends before its VOTES section", refusal.Reason);
    }
}
