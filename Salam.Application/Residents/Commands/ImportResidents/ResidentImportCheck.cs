using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.ImportResidents;

/// <summary>
/// Judges the rows of one file in order, in memory: each is accepted or refused with its reason. A national id or mobile
/// already accepted earlier in the file refuses the later row, so the accepted rows never clash with each other.
/// </summary>
public sealed class ResidentImportCheck(KnownFacts known, Func<NeighbourhoodPlace, bool> reaches)
{
    private readonly Dictionary<string, int> _nationalIdLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _mobileLines = new(StringComparer.Ordinal);

    public (ResidentImportRow Verdict, Resident? Resident) Row(ResidentCsvRow row, DateTimeOffset now)
    {
        var reason = Refusal(row, out var mobile, out var nationalId, out var place);
        var verdict = new ResidentImportRow(row.Line, row.FullName, row.Mobile, row.NationalId, row.NeighbourhoodCode, reason is null, reason);
        if (reason is not null) return (verdict, null);

        _nationalIdLines[nationalId.Value] = row.Line;
        _mobileLines[mobile.Value] = row.Line;
        return (verdict, new Resident(place!.Place.Id, row.FullName, mobile, nationalId, now));
    }

    private string? Refusal(ResidentCsvRow row, out MobileNumber mobile, out NationalId nationalId, out KnownPlace? place)
    {
        (mobile, nationalId, place) = (default, default, null);
        if (string.IsNullOrWhiteSpace(row.FullName)) return Text.Get("Resident.NameRequired");
        if (row.FullName.Trim().Length > Resident.NameMaxLength) return Text.Get("Residents.NameTooLong", Resident.NameMaxLength);
        if (!MobileNumber.TryParse(row.Mobile, out mobile)) return Text.Get("Mobile.Invalid");
        if (!NationalId.TryParse(row.NationalId, out nationalId)) return Text.Get("NationalId.Invalid");

        var code = Place.NormaliseCode(row.NeighbourhoodCode);
        if (!known.Places.TryGetValue(code, out place)) return Text.Get("Residents.UnknownNeighbourhoodCode", code);
        if (!reaches(place.Place)) return Text.Get("Residents.NeighbourhoodOutsideScope", code);
        if (!place.IsActive) return Text.Get("Residents.NeighbourhoodInactive");

        if (_nationalIdLines.TryGetValue(nationalId.Value, out var first)) return Text.Get("Residents.NationalIdTwiceInFile", first);
        if (_mobileLines.TryGetValue(mobile.Value, out first)) return Text.Get("Residents.MobileTwiceInFile", first);
        if (known.TakenNationalIds.Contains(nationalId.Value)) return Text.Get("Resident.NationalIdTaken");
        if (known.TakenMobiles.Contains(mobile.Value)) return Text.Get("Resident.AlreadyRegistered");
        return null;
    }
}
