namespace Salam.Application.Geography.Common;

/// <summary>What an accepted row does: a new place, a new name for the place with its code, or nothing.</summary>
public enum GeographyRowOutcome { New, Rename, Unchanged, Refused }

/// <summary>One row of the file as checked; <see cref="Reason"/> says why a refused row was refused, in the caller's language.</summary>
public sealed record GeographyRowCheck(int Line, string Level, string Code, string ParentCode, string NameFa, string NameEn, GeographyRowOutcome Outcome, string? Reason)
{
    public bool Accepted => Outcome != GeographyRowOutcome.Refused;
}

/// <summary>Every row of a geography file as checked; <see cref="Applied"/> says whether the accepted rows were saved.</summary>
public sealed record GeographyImportReport(IReadOnlyList<GeographyRowCheck> Rows, bool Applied)
{
    public int Accepted => Rows.Count(r => r.Accepted);
    public int Refused => Rows.Count(r => !r.Accepted);
    public int New => Rows.Count(r => r.Outcome == GeographyRowOutcome.New);
    public int Renamed => Rows.Count(r => r.Outcome == GeographyRowOutcome.Rename);
    public int Unchanged => Rows.Count(r => r.Outcome == GeographyRowOutcome.Unchanged);
}
