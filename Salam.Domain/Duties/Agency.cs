using Salam.Domain.Common;

namespace Salam.Domain.Duties;

public enum AgencyKind { Welfare = 0, Municipality = 1, Governorate = 2, Health = 3, Education = 4, RedCrescent = 5, Ngo = 6, Cooperative = 7, Other = 8 }

/// <summary>An executive agency (دستگاه اجرایی) that duties are assigned to; provincial, or national when it has no province.</summary>
public sealed class Agency : Entity
{
    private Agency() { }

    public const int NameMaxLength = 200;

    public Agency(string nameFa, string nameEn, AgencyKind kind, int? provinceId) => Describe(nameFa, nameEn, kind, provinceId);

    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public int? ProvinceId { get; private set; }

    /// <summary>A deactivated agency keeps its duties and history but is offered for no new duty.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>Names the agency, its kind and its province (none: national). An English name left empty is the Persian one.</summary>
    public void Describe(string nameFa, string nameEn, AgencyKind kind, int? provinceId)
    {
        if (string.IsNullOrWhiteSpace(nameFa)) throw new DomainException("Agency.NameRequired");
        if (!Enum.IsDefined(kind)) throw new DomainException("Agency.KindInvalid");
        NameFa = nameFa.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? NameFa : nameEn.Trim();
        Kind = kind;
        ProvinceId = provinceId;
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
