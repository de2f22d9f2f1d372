using Salam.Domain.Common;
using Salam.Domain.Geography;

namespace Salam.Domain.People;

/// <summary>
/// Registered by a facilitator (or at a paper ballot) a resident is confirmed at once; one who registers themselves waits,
/// pending, until a facilitator of their neighbourhood confirms or rejects them. Values are stored: Confirmed stays 0.
/// </summary>
public enum ResidentStatus { Confirmed = 0, Pending = 1, Rejected = 2 }

/// <summary>A resident of one neighbourhood; may vote online (with an account, once confirmed) or on paper at the centre.</summary>
public sealed class Resident : Entity
{
    public const int NameMaxLength = 150;
    public const int RejectionReasonMaxLength = 500;

    private Resident() { }

    public Resident(int neighbourhoodId, string fullName, MobileNumber mobile, NationalId? nationalId, DateTimeOffset registeredAt)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new DomainException("Resident.NameRequired");
        NeighbourhoodId = neighbourhoodId;
        FullName = fullName.Trim();
        Mobile = mobile.Value;
        NationalId = nationalId?.Value;
        RegisteredAt = registeredAt;
    }

    /// <summary>A person who registered themselves: pending until a facilitator of the neighbourhood decides.</summary>
    public static Resident SelfRegistered(int neighbourhoodId, string fullName, MobileNumber mobile, NationalId nationalId, DateTimeOffset at) =>
        new(neighbourhoodId, fullName, mobile, nationalId, at) { Status = ResidentStatus.Pending };

    public int NeighbourhoodId { get; private set; }
    public Neighbourhood? Neighbourhood { get; private set; }
    public string FullName { get; private set; } = "";
    public string Mobile { get; private set; } = "";
    public string? NationalId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public ResidentStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>The language their messages are written in: <see cref="Languages.Persian"/> unless they chose English.</summary>
    public string Language { get; private set; } = Languages.Persian;
    public int? DecidedByUserId { get; private set; }

    /// <summary>Only a confirmed resident votes; a pending one may propose needs and volunteer.</summary>
    public bool IsConfirmed => Status == ResidentStatus.Confirmed;

    public void Confirm(int byUserId, DateTimeOffset at)
    {
        if (Status != ResidentStatus.Pending) throw new DomainException("Resident.NotPending");
        (Status, DecidedByUserId, DecidedAt, RejectionReason) = (ResidentStatus.Confirmed, byUserId, at, null);
    }

    public void Reject(string reason, int byUserId, DateTimeOffset at)
    {
        if (Status != ResidentStatus.Pending) throw new DomainException("Resident.NotPending");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Resident.RejectionReasonRequired");
        (Status, DecidedByUserId, DecidedAt, RejectionReason) = (ResidentStatus.Rejected, byUserId, at, reason.Trim());
    }

    public void Rename(string fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new DomainException("Resident.NameRequired");
        FullName = fullName.Trim();
    }

    public void ChangeMobile(MobileNumber mobile) => Mobile = mobile.Value;

    public void ChooseLanguage(string language) =>
        Language = Languages.All.Contains(language) ? language : throw new DomainException("Messages.LanguageInvalid");
}
