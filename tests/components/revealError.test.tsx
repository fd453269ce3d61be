import Taro from '@tarojs/taro'
import { revealFirstError } from '@/platform/revealError'

// The web build's helper on a form as the pages lay them out: label, field, then its problem.
afterEach(() => {
  jest.restoreAllMocks()
  jest.useRealTimers()
  document.body.innerHTML = ''
})

function form(): void {
  document.body.innerHTML = `
    <div class="form">
      <span>姓名</span><div id="f-name"><input id="name" /></div>
      <span>学校</span><div id="f-school"><input id="school" /></div><span class="err">请填写录取学校</span>
      <span>专业</span><div id="f-major"><input id="major" /></div><span class="err">请填写专业</span>
    </div>`
}

describe('revealFirstError', () => {
  it('scrolls to the first problem in page order, with room above, and puts the cursor in its field', () => {
    jest.useFakeTimers()
    const scroll = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' })
    form()
    revealFirstError('.err')
    // It waits for the problems to render.
    expect(scroll).not.toHaveBeenCalled()
    jest.runAllTimers()
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.err', offsetTop: expect.any(Number) }))
    expect((scroll.mock.calls[0][0] as { offsetTop: number }).offsetTop).toBeLessThan(0)
    expect(document.activeElement?.id).toBe('school')
  })

  it('does nothing when no problem shows', () => {
    jest.useFakeTimers()
    const scroll = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' })
    form()
    revealFirstError('.missing')
    jest.runAllTimers()
    expect(scroll).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(document.body)
  })
})
