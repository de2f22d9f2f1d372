using System.Globalization;
using Salam.Application.Common.Localization;
using Salam.Domain.Duties;
using Salam.Domain.Needs;

namespace Salam.Application.Duties.Commands.ImportDutyUpdates;

/// <summary>
/// The status column of the update sheet, read in either language: the Persian sheet carries the Persian names the screens
/// show («در حال انجام»), the English one the English names ("In progress"), and older sheets the code names ("InProgress").
/// Names are compared folded (Arabic ي/ك, the half-space, spaces, case and digits do not matter); numbers are not names.
/// </summary>
public static class DutyStatusNames
{
    private static readonly CultureInfo[] Languages = [new("fa-IR"), new("en-US")];

    /// <summary>The statuses an agency sets on the sheet: "Assigned" is where a duty starts, never a report.</summary>
    public static readonly DutyStatus[] Reportable = [DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Done, DutyStatus.Declined, DutyStatus.Blocked];

    private static readonly Dictionary<string, DutyStatus> ByName = Enum.GetValues<DutyStatus>()
        .SelectMany(status => Languages.Select(language => Text.In(language, $"DutyStatus.{status}")).Append(status.ToString())
            .Select(name => (Key: Key(name), status)))
        .DistinctBy(pair => pair.Key)
        .ToDictionary(pair => pair.Key, pair => pair.status);

    public static bool TryParse(string? text, out DutyStatus status) => ByName.TryGetValue(Key(text), out status);

    /// <summary>The status as the sheet writes it: its name in the reader's language.</summary>
    public static string Name(DutyStatus status) => Text.Get($"DutyStatus.{status}");

    /// <summary>The names to offer when a row's status is not one: the reportable ones, in the reader's language.</summary>
    public static string Offered() => string.Join(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? "، " : ", ", Reportable.Select(Name));

    private static string Key(string? name) => PersianText.Fold(name).Replace(" ", "", StringComparison.Ordinal);
}
