namespace Salam.Application.Common.Security;

/// <summary>
/// Every request declares what it touches, so the pipeline checks the caller's reach before its handler runs; a request
/// without a declaration is refused (and fails the architecture tests). Most requests name one thing and implement one of the
/// single-target interfaces below; the rest list their targets.
/// </summary>
public interface IScoped
{
    IEnumerable<ScopeTarget> ScopeTargets();
}

/// <summary>Reads or changes only what the caller's own scope holds (their ballot, their agency's desk, their province's lists): the handler reads through the caller's ids or <see cref="ScopeGuard"/>.</summary>
public interface ICallerScoped : IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Caller];
}

/// <summary>Reaches the whole country: national roles and the system only.</summary>
public interface INationalScoped : IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Nation];
}

/// <summary>Reads only what is published, for anyone: the handler must filter to published data itself (public pages, open data).</summary>
public interface IPublicScoped : IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Public];
}

public interface IStoryScoped : IScoped
{
    int StoryId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Story(StoryId)];
}

public interface INeighbourhoodScoped : IScoped
{
    int NeighbourhoodId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Neighbourhood(NeighbourhoodId)];
}

public interface IProvinceScoped : IScoped
{
    int ProvinceId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Province(ProvinceId)];
}

public interface IRoundScoped : IScoped
{
    int RoundId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Round(RoundId)];
}

public interface INeedScoped : IScoped
{
    int NeedId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Need(NeedId)];
}

public interface IDutyScoped : IScoped
{
    int DutyId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Duty(DutyId)];
}

public interface IVolunteerScoped : IScoped
{
    int VolunteerId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Volunteer(VolunteerId)];
}

public interface ICentreScoped : IScoped
{
    int CentreId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Centre(CentreId)];
}

public interface IPaperBatchScoped : IScoped
{
    int BatchId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.PaperBatch(BatchId)];
}

public interface ICentreDeskScoped : IScoped
{
    int CentreId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.CentreDesk(CentreId)];
}

public interface ICampaignScoped : IScoped
{
    int CampaignId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Campaign(CampaignId)];
}

public interface IDonationScoped : IScoped
{
    int DonationId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Donation(DonationId)];
}

public interface IShiftScoped : IScoped
{
    int ShiftId { get; }
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Shift(ShiftId)];
}
