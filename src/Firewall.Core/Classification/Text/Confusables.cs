using System.Collections.Frozen;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// Letters of other scripts that look like Latin ones (Cyrillic <c>о</c>, Greek <c>Ι</c>, Armenian <c>օ</c>, Cherokee
/// <c>Ꮯ</c>, Latin small capitals and stroked letters), folded only inside a word that already has an ASCII letter or
/// whose letters all look Latin: <c>ignоre</c> and <c>іgnоrе</c> fold, Russian or Greek words stay as they are.
/// A small hand-made subset of Unicode's confusables.txt: the letters an attacker can use to spell English.
/// </summary>
internal static class Confusables
{
    // Each entry: the letter, then the Latin letter it passes for. Decided before lower-casing, since case matters
    // (Cyrillic В looks like B, в does not); every lower-case key's upper case is a key too, so that a word's
    // decision is the same before and after lower-casing.
    private const string Pairs =
        "Аa Вb Еe Кk Мm Нh Оo Рp Сc Тt Уy Хx Ѕs Іi Јj Үy Һh Ԁd Ԛq Ԝw " +
        "аa еe оo рp сc уy хx ѕs іi јj үy һh ԁd ԛq ԝw " +
        "Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx " +
        "αa εe ιi κk νv οo ρp τt υu χx " +
        "Օo օo Սu սu Ոn ոn " +
        "Ꭺa Ᏼb Ꮯc Ꭰd Ꭼe Ꮐg Ꮋh Ꭻj Ꮶk Ꮮl Ꮇm Ꮲp Ꮪs Ꮤw Ꮓz " +
        "ᴀa ʙb ᴄc ᴅd ᴇe ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz " +
        "Ʀr Ɑa Ɡg Ɪi Łl łl Øo øo Đd đd Ħh ħh ıi ȷj ɑa ɡg";

    private static readonly FrozenDictionary<char, char> Table = Pairs.Split(' ').ToFrozenDictionary(p => p[0], p => p[1]);

    public static bool IsConfusable(char c) => Table.ContainsKey(c);

    /// <summary>Folds the look-alike letters of one space-free word in place when the word reads as Latin.</summary>
    public static void FoldWord(Span<char> word)
    {
        var hasAsciiLetter = false;
        var allConfusable = true;
        var hasConfusable = false;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                hasAsciiLetter = true;
            }
            else if (Table.ContainsKey(c))
            {
                hasConfusable = true;
            }
            else if (char.IsLetter(c))
            {
                allConfusable = false;
            }
        }

        if (!hasConfusable || !(hasAsciiLetter || allConfusable))
        {
            return;
        }

        foreach (ref var c in word)
        {
            if (Table.TryGetValue(c, out var latin))
            {
                c = latin;
            }
        }
    }
}
