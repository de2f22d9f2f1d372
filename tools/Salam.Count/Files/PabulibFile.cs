using System.Globalization;
namespace Salam.Count.Files;

/// <summary>
/// Reads Pabulib .pb files: sections META, PROJECTS and VOTES, each a header row then <c>;</c>-separated rows, fields
/// quoted CSV-style when they hold a <c>;</c> or a quote. Each VOTES row is one voter; its vote lists project ids (best
/// first for ordinal votes), and an empty vote is a voter who named nothing. Only approval and ordinal votes are read:
/// cumulative and scoring votes carry points that neither Borda, Schulze nor equal shares with cost utilities would use,
/// and reading them as approvals would silently count something the voters did not say.
/// </summary>
public static class PabulibFile
{
    public const string Extension = ".pb";

    public static ElectionFile Read(byte[] content) => Read(TextLines.Decode(content));

    public static ElectionFile Read(string text)
    {
        var sections = PabulibSections.Read(text);
        var meta = sections.Meta;
        if (!meta.TryGetValue("vote_type", out var type)) throw new BallotFileException(1, "META has no vote_type (approval or ordinal)");
        var voteType = type.Value.ToLowerInvariant();
        if (voteType is not ("approval" or "ordinal"))
            throw new BallotFileException(type.Line, $"vote_type '{type.Value}' is not read: only approval and ordinal votes can be counted here");

        var projects = new Dictionary<string, FileAlternative>(StringComparer.Ordinal);
        var costColumn = sections.ProjectsHeader.Column("cost");
        var nameColumn = sections.ProjectsHeader.Columns.IndexOf("name");
        var idColumn = sections.ProjectsHeader.Column("project_id");
        foreach (var row in sections.Projects)
        {
            var id = row.Fields[idColumn];
            if (id.Length == 0) throw new BallotFileException(row.Line, "a project without a project_id");
            var cost = Amount(row.Fields[costColumn], row.Line, "cost");
            if (cost < 1) throw new BallotFileException(row.Line, $"project {id} costs {cost}: a cost must be at least 1");
            var name = nameColumn >= 0 ? row.Fields[nameColumn] : id;
            if (!projects.TryAdd(id, new FileAlternative(id, name, cost))) throw new BallotFileException(row.Line, $"project {id} is listed twice");
        }

        var voteColumn = sections.VotesHeader.Column("vote");
        var ballots = new List<FileBallot>();
        foreach (var row in sections.Votes)
        {
            var ids = row.Fields[voteColumn].Split(',', StringSplitOptions.TrimEntries);
            if (ids is [""]) ids = [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (!projects.ContainsKey(id)) throw new BallotFileException(row.Line, $"the vote names '{id}', which is not a project of the file");
                if (!seen.Add(id)) throw new BallotFileException(row.Line, $"the vote names project {id} twice");
            }
            ballots.Add(voteType == "ordinal"
                ? new FileBallot(ids.Select(id => (IReadOnlyList<string>)[id]).ToList())
                : new FileBallot(ids.Length == 0 ? [] : [ids]));
        }

        CheckCount(meta, "num_projects", projects.Count);
        CheckCount(meta, "num_votes", ballots.Count);
        long? budget = meta.TryGetValue("budget", out var b) ? Amount(b.Value, b.Line, "budget") : null;
        int? maxLength = meta.TryGetValue("max_length", out var m) ? (int)Amount(m.Value, m.Line, "max_length") : null;
        var alternatives = projects.Values.OrderBy(p => p.Id, NaturalOrder.Instance).ToList();
        return new ElectionFile(alternatives, ballots, budget, Ranked: voteType == "ordinal", maxLength);
    }

    /// <summary>A whole amount: Pabulib writes some as decimals ("250000.00"); a fraction of a unit is refused.</summary>
    private static long Amount(string text, int line, string what)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value <= long.MaxValue)
            return (long)value;
        throw new BallotFileException(line, $"{what} '{text}' is not a whole number");
    }

    private static void CheckCount(IReadOnlyDictionary<string, (string Value, int Line)> meta, string key, int actual)
    {
        if (meta.TryGetValue(key, out var declared) && Amount(declared.Value, declared.Line, key) != actual)
            throw new BallotFileException(declared.Line, $"{key} says {declared.Value} but the file holds {actual}");
    }
}
