using System.Text;
using Salam.Count.Files;

namespace Salam.Count.Tests;

public sealed class PrefLibFileTests
{
    private const string Toi = """
        # FILE NAME: small.toi
        # TITLE: A small election
        # DATA TYPE: toi
        # NUMBER ALTERNATIVES: 4
        # NUMBER VOTERS: 3
        # NUMBER UNIQUE ORDERS: 2
        # ALTERNATIVE NAME 1: پارک محله
        # ALTERNATIVE NAME 2: Library
        # ALTERNATIVE NAME 3: Clinic
        # ALTERNATIVE NAME 4: Lights
        2: {1,2},3
        1: 4
        """;

    [Fact]
    public void Reads_counts_as_that_many_voters_and_braces_as_tied_groups()
    {
        var file = PrefLibFile.Read(Toi, "small.toi");

        Assert.Equal(["1", "2", "3", "4"], file.Alternatives.Select(a => a.Id));
        Assert.Equal(["پارک محله", "Library", "Clinic", "Lights"], file.Alternatives.Select(a => a.Name));
        Assert.Equal(3, file.Ballots.Count);
        Assert.Equal([["1", "2"], ["3"]], file.Ballots[0].Groups);
        Assert.Equal(file.Ballots[0].Groups, file.Ballots[1].Groups);
        Assert.Equal([["4"]], file.Ballots[2].Groups);
        Assert.True(file.Ranked);
        Assert.Null(file.Budget);
    }

    [Fact]
    public void Crlf_endings_and_a_byte_order_mark_read_the_same_as_lf()
    {
        var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Toi.ReplaceLineEndings("\r\n"))).ToArray();

        var file = PrefLibFile.Read(crlf, "small.toi");

        var lf = PrefLibFile.Read(Encoding.UTF8.GetBytes(Toi.ReplaceLineEndings("\n")), "small.toi");
        Assert.Equal(lf.Alternatives, file.Alternatives);
        Assert.Equal(lf.Ballots.Select(b => b.Groups), file.Ballots.Select(b => b.Groups));
        Assert.Equal("پارک محله", file.Alternatives[0].Name);
    }

    [Fact]
    public void Reads_the_layout_before_2022()
    {
        const string old = "3\n1,Alpha\n2,Beta\n3,Gamma\n4,4,2\n3,2,1,3\n1,3\n";

        var file = PrefLibFile.Read(old, "old.soi");

        Assert.Equal(["Alpha", "Beta", "Gamma"], file.Alternatives.Select(a => a.Name));
        Assert.Equal(4, file.Ballots.Count);
        Assert.Equal([["2"], ["1"], ["3"]], file.Ballots[0].Groups);
        Assert.Equal([["3"]], file.Ballots[3].Groups);
    }

    [Fact]
    public void An_order_line_without_alternatives_is_a_voter_who_ranked_nothing()
    {
        var file = PrefLibFile.Read("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n1: 2\n2:\n", "x.soi");

        Assert.Equal(3, file.Ballots.Count);
        Assert.Empty(file.Ballots[2].Groups);
    }

    [Theory]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n2: 1,2\nx: 3\n", 4, "'x' is not a whole number")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n2: 1,2\n1: 3,4\n", 4, "alternative 4 is not between 1 and 3")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n2: 1,{2,3}\n", 3, "a tie '{…}' in a strict-order file")]
    [InlineData("# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 3\n\n2: 1,{2,3\n", 4, "a '{' without its '}'")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n1: 1,2\n1: 2,2\n", 4, "alternative 2 appears twice")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n1: 1,2,\n", 3, "the order ends with ','")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n1 1,2\n", 3, "expected 'count: order'")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n0: 1,2\n", 3, "the count must be at least 1")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n4: 1,2\n", 3, "NUMBER VOTERS says 5 but the file holds 4")]
    [InlineData("# DATA TYPE: wmd\n# NUMBER ALTERNATIVES: 3\n1: 1\n", 1, "not an ordinal PrefLib type")]
    [InlineData("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n1: 1\n# TITLE: late\n", 4, "a metadata line after the orders")]
    public void A_malformed_file_is_refused_with_its_line(string text, int line, string reason)
    {
        var refusal = Assert.Throws<BallotFileException>(() => PrefLibFile.Read(text.ReplaceLineEndings("\r\n"), "x.soi"));

        Assert.Equal(line, refusal.Line);
        Assert.Contains(reason, refusal.Reason);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: ").Concat(new byte[] { 0xC7, 0x20, 0xE1 })
            .Concat(Encoding.UTF8.GetBytes("\n1: 1\n")).ToArray();

        var refusal = Assert.Throws<BallotFileException>(() => PrefLibFile.Read(bytes, "x.soi"));

        Assert.Equal(3, refusal.Line);
    }
}
