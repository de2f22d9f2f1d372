using Salam.Domain.Common;

namespace Salam.Domain.Duties;

public enum AgencyKind { Welfare = 0, Municipality = 1, Governorate = 2, Health = 3, Education = 4, RedCrescent = 5, Ngo = 6, Cooperative = 7, Other = 8 }

/// <summary>An executive agency (دستگاه اجرایی) that duties are assigned to; provincial, or national when it has no province.</summary>
public sealed class Agency : Entity
{
    private Agency() { }

    public Agency(string nameFa, string nameEn, AgencyKind kind, int? provinceId)
    {
        NameFa = nameFa;
        NameEn = nameEn;
        Kind = kind;
        ProvinceId = provinceId;
    }

    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public int? ProvinceId { get; private set; }

    /// <summary>A deactivated agency keeps its duties and history but is offered for no new duty.</summary>
    public bool IsActive { get; private set; } = true;

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
