"""Chinese personal names: the family/given split, which knows compound surnames.

A Chinese name is printed whole (``欧阳修``); the split is for citation keys and sorting.
"""

from __future__ import annotations

#: Two-character (复姓) surnames, from the Hundred Family Surnames and common usage.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "司空",
        "夏侯",
        "轩辕",
        "令狐",
        "独孤",
        "南宫",
        "西门",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "太叔",
        "申屠",
        "钟离",
        "闾丘",
        "东郭",
        "百里",
        "呼延",
        "万俟",
        "端木",
        "拓跋",
        "第五",
        "左丘",
        "谷梁",
        "赫连",
        "羊舌",
        "微生",
        "梁丘",
        "鲜于",
        "闻人",
        "亓官",
        "司寇",
        "子车",
        "颛孙",
        "壤驷",
        "公良",
        "漆雕",
        "乐正",
        "宰父",
        "谷利",
        "公西",
        "巫马",
        "公羊",
        "仲孙",
        "叔孙",
        "东门",
        "段干",
        "百里",
        "呼延",
        "乌孙",
        "范姜",
        "张简",
        "张廖",
    ]
)


def split_chinese_name(whole: str) -> tuple[str, str | None]:
    """``饶春明`` → (``饶``, ``春明``); ``欧阳修`` → (``欧阳``, ``修``); one character → (it, None)."""
    whole = whole.strip()
    if len(whole) >= 3 and whole[:2] in COMPOUND_SURNAMES:
        return whole[:2], whole[2:]
    if len(whole) >= 2:
        return whole[:1], whole[1:]
    return whole, None
