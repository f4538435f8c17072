"""Pinyin given names and their syllable initials (GB/T 7714-2015 8.1.1: ``LI Jiangning`` -> ``LI J N``).

The syllable table is data: every toneless syllable of Hanyu Pinyin (``ü`` written ``v``), taken
once from pypinyin's dictionary, without the interjections ``hm``, ``hng``, ``m``, ``n``, ``ng``.
"""

from __future__ import annotations

from functools import lru_cache

_TABLE = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai
    can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
    chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
    dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng
    fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha
    hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
    jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
    kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo
    long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
    mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan
    nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
    qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
    rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
    shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
    tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong
    you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng
    zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
    """
SYLLABLES = frozenset(_TABLE.split())
_LONGEST = max(map(len, SYLLABLES))


@lru_cache(maxsize=1 << 14)
def syllables(word: str) -> tuple[str, ...] | None:
    """``Jiangning`` -> ``("jiang", "ning")``; None when the word is no sequence of pinyin syllables.

    Longest syllable first, backtracking (``xian`` is one syllable, as pinyin without an apostrophe reads).
    """
    text = word.lower().replace("ü", "v").replace("'", "")
    if not text.isascii() or not text.isalpha():
        return None

    def split(start: int) -> tuple[str, ...] | None:
        if start == len(text):
            return ()
        for end in range(min(len(text), start + _LONGEST), start, -1):
            if text[start:end] in SYLLABLES:
                rest = split(end)
                if rest is not None:
                    return (text[start:end], *rest)
        return None

    return split(0)


#: Chinese compound surnames in pinyin (复姓): the two-syllable surnames a pinyin name may have.
COMPOUND_SURNAMES = frozenset(
    [
        "ouyang",
        "sima",
        "zhuge",
        "shangguan",
        "situ",
        "dongfang",
        "xiahou",
        "huangfu",
        "zhangsun",
        "yuwen",
        "murong",
        "gongsun",
        "linghu",
        "zhongli",
        "duanmu",
        "wenren",
        "nangong",
        "baili",
        "dongguo",
        "ximen",
    ]
)


def is_pinyin_surname(family: str) -> bool:
    """One syllable (``Li``, ``Zhang``) or a compound surname (``Ouyang``): a Japanese ``Ota`` or
    ``Mori`` is no pinyin surname, though its letters spell syllables."""
    text = family.lower().replace(" ", "").replace("-", "")
    split = syllables(text)
    return split is not None and (len(split) == 1 or text in COMPOUND_SURNAMES)
