namespace Salam.Web.Components.Pages.Rounds.Parts;

/// <summary>How a need is named in the count's tables: its title and its number in the ballot file (the CLI's id).</summary>
public sealed record NeedLabel(string Title, int Alternative);
