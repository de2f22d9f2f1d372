namespace Salam.Web.Components.Shared;

/// <summary>One series of a <see cref="TextChart"/>: its name (plain text) and one value per label.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values);

/// <summary>What a chart's values are: fractions shown as percentages against a whole, or counts against the largest.</summary>
public enum BarUnit
{
    /// <summary>Fractions from 0 to 1, written as percentages; a full bar is 100%.</summary>
    Percent,

    /// <summary>Whole numbers; the largest value draws the full bar.</summary>
    Count,
}
