using System.Reflection;

namespace ScaleDefense.Tests;

/// <summary>API rules enforced by reflection: no interop type leaks into a public signature.</summary>
[TestFixture]
public class PublicApiTests
{
    private static readonly Assembly[] PublicAssemblies =
    [
        typeof(ScalingModel).Assembly,
        typeof(ScaleDefense.OpenCvSharp.ScalingModelMatExtensions).Assembly,
    ];

    [Test]
    public void No_interop_type_appears_in_a_public_signature()
    {
        Assembly interop = typeof(ScaleDefense.Interop.NativeMethods).Assembly;
        var leaks = new List<string>();
        foreach (Type type in PublicAssemblies.SelectMany(a => a.GetExportedTypes()))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (MemberInfo member in type.GetMembers(all))
            {
                IEnumerable<Type> used = member switch
                {
                    MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                    ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    _ => [],
                };
                leaks.AddRange(used.Select(Unwrap).Where(t => t.Assembly == interop).Select(t => $"{type.Name}.{member.Name}: {t.Name}"));
            }
            if (type.BaseType?.Assembly == interop)
            {
                leaks.Add($"{type.Name} derives from {type.BaseType.Name}");
            }
        }
        Assert.That(leaks, Is.Empty);
    }

    private static Type Unwrap(Type t) => t.HasElementType ? Unwrap(t.GetElementType()!) : t;
}
