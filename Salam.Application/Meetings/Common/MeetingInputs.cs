using Salam.Domain.Meetings;

namespace Salam.Application.Meetings.Common;

/// <summary>What forms send, made into the domain's parts (whose constructors check them again).</summary>
public static class MeetingInputs
{
    public static MeetingOrganisation ToOrganisation(this OrganisationInput input) => new(input.Kind, input.AgencyId, input.Name);

    public static AgendaItem ToAgendaItem(this AgendaInput input) => new(input.Kind, input.NeedId, input.DutyId, input.Text);

    /// <summary>One key per organisation: an agency by id, any other group by its name, case and spaces aside.</summary>
    public static string Key(this OrganisationInput input) => input.Kind == OrganisationKind.Agency
        ? $"A{input.AgencyId}"
        : $"{(int)input.Kind}:{(input.Name ?? "").Trim().ToUpperInvariant()}";

    /// <summary>The kinds of meeting held at each level: coordination at its own level, the Participation Council at the province's (seed 004).</summary>
    public static IReadOnlyList<MeetingKind> KindsFor(MeetingScope scope) => scope switch
    {
        MeetingScope.Neighbourhood => [MeetingKind.NeighbourhoodCoordination],
        MeetingScope.County => [MeetingKind.CountyCoordination],
        _ => [MeetingKind.ProvincialCoordination, MeetingKind.ParticipationCouncil],
    };

    public static MeetingScope ScopeOf(int? countyId, int? neighbourhoodId) =>
        neighbourhoodId is not null ? MeetingScope.Neighbourhood : countyId is not null ? MeetingScope.County : MeetingScope.Province;
}
